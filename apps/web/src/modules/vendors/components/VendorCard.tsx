import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuildingFactory2, IconCurrencyEuro, IconExternalLink, IconMapPin, IconUsers } from '@tabler/icons-react';
import type { VendorsQuery } from '../../../gql/graphql';
import type { TaxonomyLabels } from './taxonomy-labels';

type Vendor = VendorsQuery['vendors']['nodes'][number];

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <span aria-hidden style={{ display: 'inline-flex', marginTop: 2, color: 'var(--mantine-color-gray-7)' }}>
        {icon}
      </span>
      <Text size="sm">
        <Text span size="sm" fw={600}>
          {label}:
        </Text>{' '}
        {children}
      </Text>
    </Group>
  );
}

/** One consultancy in the directory. */
export function VendorCard({ vendor, labels }: { vendor: Vendor; labels: TaxonomyLabels }) {
  const titleId = `vendor-${vendor.id}`;
  return (
    <Card component="article" aria-labelledby={titleId} padding="lg" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {vendor.name}
          </Title>
          {vendor.website && (
            <Anchor href={vendor.website} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                Website
                <IconExternalLink size={14} aria-label={`of ${vendor.name} (opens in a new tab)`} />
              </Group>
            </Anchor>
          )}
        </Group>
        {vendor.description && (
          <Text size="sm" c="gray.8" lineClamp={4}>
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
        <Stack gap={4}>
          {vendor.industries.length > 0 && (
            <Fact icon={<IconBuildingFactory2 size={16} />} label="Industries">
              {vendor.industries.map(labels.industry).join(', ')}
            </Fact>
          )}
          {vendor.regions.length > 0 && (
            <Fact icon={<IconMapPin size={16} />} label="Regions">
              {vendor.regions.map(labels.region).join(', ')}
            </Fact>
          )}
          <Group gap="lg">
            {vendor.teamSize != null && (
              <Fact icon={<IconUsers size={16} />} label="Team">
                {vendor.teamSize === 1 ? '1 person' : `${vendor.teamSize.toLocaleString('en-GB')} people`}
              </Fact>
            )}
            {vendor.rateBand && (
              <Fact icon={<IconCurrencyEuro size={16} />} label="Rate">
                {labels.rateBand(vendor.rateBand)}
              </Fact>
            )}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
