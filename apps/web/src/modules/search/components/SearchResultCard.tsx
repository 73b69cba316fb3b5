import { Anchor, Badge, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { SearchVendorsQuery } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { Term } from '../../../ui/Term';
import { evidenceLine, formatInterval, formatShare, hasEnoughEvidence, IntervalBar, NOT_ENOUGH_EVIDENCE, notEnoughEvidenceReason } from '../../signals';
import type { TaxonomyLabels } from '../../vendors/components/taxonomy-labels';

type Vendor = SearchVendorsQuery['searchVendors']['nodes'][number];

/**
 * One consultancy in the search results. It leads with the evidence ("3 verified case studies ·
 * 2 client references"), then the Assay score as a bar on the axis every card shares; below the
 * evidence threshold it says so instead of showing a number the prior made up.
 */
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
  const scored = hasEnoughEvidence(s);
  return (
    <Card component="article" aria-labelledby={titleId} padding="lg" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={2} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/consultancies/${vendor.id}`} inherit underline="hover">
              {vendor.name}
            </Anchor>
          </Title>
          <Checkbox label="Compare" checked={compare.checked} disabled={compare.disabled && !compare.checked} onChange={compare.onChange} aria-label={`Compare ${vendor.name}`} />
        </Group>
        {s && scored ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {evidenceLine(s)}
              {s.lastVerifiedAt ? ` · last verified ${formatDate(s.lastVerifiedAt)}` : ''}
            </Text>
            <Group gap="sm" wrap="nowrap" align="center">
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                Assay <Text span fw={700} size="lg">{formatShare(s.assay.mean)}</Text>
              </Text>
              <IntervalBar mean={s.assay.mean} lower={s.assay.lower} upper={s.assay.upper} label={`Assay score of ${vendor.name}`} />
            </Group>
            <Text size="xs" c="gray.7">
              Likely between {formatInterval(s.assay.lower, s.assay.upper)} (<Term term="interval">90% interval</Term>)
            </Text>
          </Stack>
        ) : (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {NOT_ENOUGH_EVIDENCE}
            </Text>
            <Text size="xs" c="gray.7">
              {notEnoughEvidenceReason(s)}
            </Text>
          </Stack>
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
