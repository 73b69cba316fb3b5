import { Anchor, Badge, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { SearchVendorsQuery } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { formatInterval, formatShare, formatSources } from '../../signals';
import type { TaxonomyLabels } from '../../vendors/components/taxonomy-labels';

type Vendor = SearchVendorsQuery['searchVendors']['nodes'][number];

/** One consultancy in the search results: its Assay score with interval, evidence and a compare toggle. */
export function SearchResultCard({
  vendor,
  labels,
  compare,
}: {
  vendor: Vendor;
  labels: TaxonomyLabels;
  compare: { checked: boolean; disabled: boolean; onChange: () => void };
}) {
  const titleId = `vendor-${vendor.id}`;
  const s = vendor.signals;
  const flagged = s?.flags.filter((f) => f.severity !== 'info') ?? [];
  return (
    <Card component="article" aria-labelledby={titleId} padding="lg" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={2} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/consultancies/${vendor.id}`} inherit>
              {vendor.name}
            </Anchor>
          </Title>
          <Checkbox label="Compare" checked={compare.checked} disabled={compare.disabled && !compare.checked} onChange={compare.onChange} aria-label={`Compare ${vendor.name}`} />
        </Group>
        {s ? (
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              <Text span fw={700}>
                Assay {formatShare(s.assay.mean)}
              </Text>{' '}
              <Text span c="gray.7" size="sm">
                (90% interval {formatInterval(s.assay.lower, s.assay.upper)})
              </Text>
            </Text>
            <Text size="sm">{plural(s.verifiedCaseStudies, 'verified case study', 'verified case studies')}</Text>
            <Text size="sm">{formatSources(s.evidenceDepth.mean)}</Text>
            {s.lastVerifiedAt && <Text size="sm">Last verified {formatDate(s.lastVerifiedAt)}</Text>}
          </Group>
        ) : (
          <Text size="sm" c="gray.7">
            No verified evidence yet.
          </Text>
        )}
        {flagged.length > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {plural(flagged.length, 'integrity flag', 'integrity flags')}
          </Badge>
        )}
        {vendor.description && (
          <Text size="sm" c="gray.8" lineClamp={3}>
            {vendor.description}
          </Text>
        )}
        {vendor.capabilities.length > 0 && (
          <Group gap={6} aria-label="Capabilities" role="list">
            {vendor.capabilities.map((key) => (
              <Badge key={key} variant="light" tt="none" fw={500} role="listitem">
                {labels.capability(key)}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm" c="gray.8">
          {[vendor.regions.map(labels.region).join(', '), vendor.teamSize != null ? `${vendor.teamSize} people` : null, vendor.rateBand ? labels.rateBand(vendor.rateBand) : null].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Card>
  );
}
