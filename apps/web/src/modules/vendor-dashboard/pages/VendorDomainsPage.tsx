import { Card, Grid, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconWorldQuestion } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { QueryState } from '../../../ui/QueryState';
import { AddDomainForm } from '../components/AddDomainForm';
import { DomainsTable } from '../components/DomainsTable';
import { vendorDomainsQuery } from '../graphql/vendor-domains.query';
import { useVendorDashboard } from '../hooks/use-vendor-dashboard';

/** `/vendor/:orgId/domains`: the email domains the vendor claims, and adding one. */
export function VendorDomainsPage() {
  const { vendor } = useVendorDashboard();
  const { data, loading, error, refetch } = useQuery(vendorDomainsQuery, { variables: { vendorId: vendor.id } });

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="sm" component="section" aria-labelledby="domains-title">
          <Title order={2} id="domains-title">
            Email domains
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            Verified domains are your own. A client reference with an address at one of them would be a reference from your own staff, so
            Assay refuses it.
          </Text>
          <QueryState
            loading={loading}
            error={error}
            data={data?.vendorDomains}
            onRetry={() => void refetch()}
            skeleton={
              <Stack gap="xs">
                <Skeleton height={36} />
                <Skeleton height={44} />
                <Skeleton height={44} />
              </Stack>
            }
            isEmpty={(domains) => domains.length === 0}
            empty={
              <EmptyMessage
                icon={<IconWorldQuestion aria-hidden />}
                title="No domains yet"
                description="Add the domain your team’s email addresses use, for example the one in your own address."
              />
            }
          >
            {(domains) => <DomainsTable vendorId={vendor.id} domains={domains} />}
          </QueryState>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card component="section" aria-labelledby="add-domain-title">
          <Stack gap="md">
            <Title order={2} size="h3" id="add-domain-title">
              Add a domain
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>We email a link to the address you enter.</List.Item>
              <List.Item>Opening it confirms the domain; it works once, for 7 days.</List.Item>
              <List.Item>Free email providers (gmail.com and the like) cannot be claimed.</List.Item>
            </List>
            <AddDomainForm vendorId={vendor.id} />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
