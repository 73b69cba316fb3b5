import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOpened, IconUserCheck } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { LoadingSkeleton } from '../../../ui/QueryState';
import { signInPath } from '../../accounts/hooks/safe-next';
import { useCurrentUser, type CurrentUser } from '../../accounts/hooks/use-current-user';
import { useSignOut } from '../../accounts/hooks/use-sign-out';
import { acceptInvitationMutation } from '../graphql/accept-invitation.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/**
 * `/invitations/accept?token=…`, the link in an invitation email. Signed out, it
 * asks you to sign in or sign up and brings you back; signed in, one button joins.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const { me, loading } = useCurrentUser();

  return (
    <Stack maw={620} gap={0}>
      <PageHeader title="Accept your invitation" description="Join your colleagues’ organization on Assay." />
      {!token ? (
        <EmptyMessage
          icon={<IconMailOpened aria-hidden />}
          title="This invitation link is incomplete"
          description="Open the link from the invitation email again, or ask the person who invited you for a new invitation."
        />
      ) : loading ? (
        <LoadingSkeleton />
      ) : me ? (
        <AcceptAsUser me={me} token={token} />
      ) : (
        <SignInFirst />
      )}
    </Stack>
  );
}

function SignInFirst() {
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <Card>
      <Stack gap="md">
        <Text>
          To accept, sign in with the email address the invitation was sent to — or create an account with that address if
          you are new to Assay. You will come straight back here.
        </Text>
        <Group gap="sm">
          <Button component={Link} to={signInPath(here)}>
            Sign in to accept
          </Button>
          <Button component={Link} to={signInPath(here, '/sign-up')} variant="default">
            Create an account to accept
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AcceptAsUser({ me, token }: { me: CurrentUser; token: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut, signingOut } = useSignOut();
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [acceptInvitation, { loading }] = useMutation(acceptInvitationMutation, refetchAfter('acceptInvitation'));

  const accept = async () => {
    setFailure(null);
    try {
      const { data } = await acceptInvitation({ variables: { input: { token } } });
      if (!data) return;
      const organization = data.acceptInvitation;
      notifications.show({ color: 'teal', title: 'Welcome aboard', message: `You are now a member of ${organization.name}.` });
      await navigate(`/organizations/${organization.id}`, { replace: true });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  const wrongAccount = failure?.reason === 'WRONG_RECIPIENT';
  return (
    <Card>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconUserCheck size={22} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
          <Text>
            You are signed in as <strong>{me.displayName}</strong> ({me.email}). The invitation must have been sent to this
            address.
          </Text>
        </Group>
        {failure && (
          <Alert role="alert" color="red" variant="light" title="Could not accept the invitation">
            {failure.message}
          </Alert>
        )}
        <Group gap="sm">
          {!wrongAccount && (
            <Button onClick={() => void accept()} loading={loading} disabled={failure?.code === 'CONFLICT' || failure?.code === 'NOT_FOUND'}>
              Accept invitation
            </Button>
          )}
          {wrongAccount && (
            <Button onClick={() => void signOut(signInPath(location.pathname + location.search))} loading={signingOut}>
              Sign in with another account
            </Button>
          )}
          {failure && (
            <Button component={Link} to="/organizations" variant="default">
              Go to your organizations
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
