import { Anchor, Card, Grid, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { CreateOrganizationForm } from '../components/CreateOrganizationForm';
import { OrganizationBadges } from '../components/OrganizationBadges';

/** `/organizations`: the organizations you belong to, and a form to create one. */
export function OrganizationsPage() {
  return <RequireSignIn>{(me) => <Organizations me={me} />}</RequireSignIn>;
}

function Organizations({ me }: { me: CurrentUser }) {
  const memberships = [...me.memberships].sort((a, b) => a.organization.name.localeCompare(b.organization.name));
  return (
    <>
      <PageHeader
        title="Your organizations"
        description="A consultancy keeps its profile, case studies and references here; a buyer compares and shortlists consultancies."
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" component="section" aria-labelledby="memberships-title">
            <VisuallyHidden component="h2" id="memberships-title">
              Organizations you belong to
            </VisuallyHidden>
            {memberships.length === 0 ? (
              <EmptyMessage
                icon={<IconBuildingCommunity aria-hidden />}
                title="You are not part of an organization yet"
                description="Create one for your consultancy or your company, or ask a colleague to invite you."
              />
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {memberships.map(({ organization, role }) => (
                  <Card component="li" key={organization.id} padding="md">
                    <Group justify="space-between" align="flex-start" gap="sm">
                      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                        <Anchor component={Link} to={`/organizations/${organization.id}`} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
                          {organization.name}
                        </Anchor>
                        {organization.website && (
                          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {organization.website.replace(/^https?:\/\//, '')}
                          </Text>
                        )}
                      </Stack>
                      <OrganizationBadges kind={organization.kind} role={role} />
                    </Group>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card component="section" aria-labelledby="create-organization-title">
            <Stack gap="md">
              <div>
                <Title order={2} id="create-organization-title">
                  Create an organization
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  You become its owner and can invite colleagues.
                </Text>
              </div>
              <CreateOrganizationForm />
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
