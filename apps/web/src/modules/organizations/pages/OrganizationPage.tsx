import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconExternalLink, IconLock } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import type { OrganizationQuery } from '../../../gql/graphql';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { InvitationsTable } from '../components/InvitationsTable';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { MembersTable } from '../components/MembersTable';
import { OrganizationBadges } from '../components/OrganizationBadges';
import { organizationQuery } from '../graphql/organization.query';

/** `/organizations/:id`: members and pending invitations; owners also invite. */
export function OrganizationPage() {
  return <RequireSignIn>{(me) => <Organization me={me} />}</RequireSignIn>;
}

function BackLink() {
  return (
    <Anchor component={Link} to="/organizations" size="sm" w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All your organizations
      </Group>
    </Anchor>
  );
}

function Organization({ me }: { me: CurrentUser }) {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(organizationQuery, { variables: { id } });

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.organization}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="lg">
          <Skeleton height={36} width="50%" />
          <Skeleton height={18} width="30%" />
          <Skeleton height={220} />
        </Stack>
      }
      renderError={(description) =>
        description.code === 'NOT_FOUND' || description.code === 'FORBIDDEN' ? (
          <Stack gap="lg">
            <BackLink />
            <EmptyMessage
              icon={<IconLock aria-hidden />}
              title="You cannot open this organization"
              description="It does not exist, or you are not one of its members. Ask an owner to invite you."
              actions={
                <Button component={Link} to="/organizations" variant="default">
                  Back to your organizations
                </Button>
              }
            />
          </Stack>
        ) : undefined
      }
    >
      {(organization) => <OrganizationDetails organization={organization} me={me} />}
    </QueryState>
  );
}

function OrganizationDetails({ organization, me }: { organization: OrganizationQuery['organization']; me: CurrentUser }) {
  const isOwner = organization.myRole === 'owner';
  return (
    <>
      <PageHeader
        title={organization.name}
        eyebrow={<BackLink />}
        actions={
          organization.kind === 'vendor' ? (
            <>
              <Button component={Link} to={`/vendor/${organization.id}/case-studies`} variant="default">
                Case studies
              </Button>
              <Button component={Link} to={`/vendor/${organization.id}/profile`} variant="light">
                Vendor dashboard
              </Button>
            </>
          ) : (
            <Button component={Link} to={`/organizations/${organization.id}/client`} variant="light">
              Case studies that name you
            </Button>
          )
        }
        description={
          <Group gap="sm" component="span">
            <OrganizationBadges kind={organization.kind} role={organization.myRole} />
            {organization.website && (
              <Anchor href={organization.website} target="_blank" rel="noopener noreferrer" size="sm">
                <Group gap={4} component="span">
                  {organization.website.replace(/^https?:\/\//, '')}
                  <IconExternalLink size={14} aria-label="(opens in a new tab)" />
                </Group>
              </Anchor>
            )}
          </Group>
        }
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <Stack gap="sm" component="section" aria-labelledby="members-title">
              <Title order={2} id="members-title">
                Members
              </Title>
              <MembersTable members={organization.members} myEmail={me.email} />
            </Stack>
            <Stack gap="sm" component="section" aria-labelledby="invitations-title">
              <Title order={2} id="invitations-title">
                Pending invitations
              </Title>
              <InvitationsTable invitations={organization.pendingInvitations} />
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card component="section" aria-labelledby="invite-title">
            <Stack gap="md">
              <Title order={2} id="invite-title">
                Invite a member
              </Title>
              {isOwner ? (
                <InviteMemberForm organizationId={organization.id} />
              ) : (
                <Text size="sm" c="dimmed">
                  Only owners of {organization.name} can invite new members. Ask an owner if a colleague should join.
                </Text>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
