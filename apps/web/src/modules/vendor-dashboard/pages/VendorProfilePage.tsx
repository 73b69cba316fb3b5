import { Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { QueryState } from '../../../ui/QueryState';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { VendorProfileForm } from '../components/VendorProfileForm';
import { vendorProfileQuery } from '../graphql/vendor-profile.query';
import { useVendorDashboard } from '../hooks/use-vendor-dashboard';

/** `/vendor/:orgId/profile`: the public profile editor. */
export function VendorProfilePage() {
  const { vendor } = useVendorDashboard();
  const profile = useQuery(vendorProfileQuery, { variables: { vendorId: vendor.id } });
  const taxonomy = useQuery(taxonomyQuery);
  const both = profile.data && taxonomy.data ? { profile: profile.data.vendorProfile, taxonomy: taxonomy.data.taxonomy } : undefined;

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card component="section" aria-labelledby="profile-title">
          <Stack gap="md">
            <Title order={2} id="profile-title">
              Public profile
            </Title>
            <QueryState
              loading={profile.loading || taxonomy.loading}
              error={profile.error ?? taxonomy.error}
              data={both}
              onRetry={() => {
                void profile.refetch();
                void taxonomy.refetch();
              }}
              skeleton={
                <Stack gap="lg">
                  <Skeleton height={58} />
                  <Skeleton height={58} />
                  <Skeleton height={58} />
                  <Skeleton height={120} />
                </Stack>
              }
            >
              {({ profile: p, taxonomy: t }) => <VendorProfileForm key={p.id} vendorId={vendor.id} profile={p} taxonomy={t} />}
            </QueryState>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card component="aside" aria-labelledby="profile-help-title" bg="gray.0">
          <Stack gap="sm">
            <Title order={2} size="h3" id="profile-help-title">
              What buyers see
            </Title>
            <Text size="sm">
              Your profile appears in the consultancy directory. It says what you do; it is not evidence of how well you do it.
            </Text>
            <Text size="sm">
              Buyers rank consultancies by verified results: case studies checked by independent reviewers and confirmed by your
              clients’ own staff.
            </Text>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
