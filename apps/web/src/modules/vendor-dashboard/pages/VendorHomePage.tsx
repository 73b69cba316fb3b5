import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { vendorMemberships } from '../hooks/use-vendor-dashboard';

/** `/vendor`: straight to the dashboard of your consultancy, or a choice when you belong to several. */
export function VendorHomePage() {
  return <RequireSignIn>{(me) => <VendorHome me={me} />}</RequireSignIn>;
}

function VendorHome({ me }: { me: CurrentUser }) {
  const vendors = vendorMemberships(me);
  if (vendors.length === 1) return <Navigate to={`/vendor/${vendors[0].organization.id}/profile`} replace />;
  return (
    <>
      <PageHeader title="Vendor dashboard" description="Profiles, email domains and client rosters of the consultancies you belong to." />
      {vendors.length === 0 ? (
        <EmptyMessage
          icon={<IconBuildingStore aria-hidden />}
          title="You are not a member of a consultancy"
          description="Create a consultancy (vendor) organization, or ask an owner of yours to invite you."
          actions={
            <Button component={Link} to="/organizations">
              Your organizations
            </Button>
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {vendors.map(({ organization, role }) => (
            <Card key={organization.id} component="article">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {organization.name}
                </Title>
                <Text size="sm" c="dimmed">
                  You are {role === 'owner' ? 'an owner' : 'a member'}.
                </Text>
                <Group>
                  <Button component={Link} to={`/vendor/${organization.id}/profile`} variant="light" aria-label={`Open the dashboard of ${organization.name}`}>
                    Open dashboard
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
