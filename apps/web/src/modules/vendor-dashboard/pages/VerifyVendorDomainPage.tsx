import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconMailOpened, IconWorldCheck } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import type { VerifyVendorDomainMutation } from '../../../gql/graphql';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import { verifyVendorDomainMutation } from '../graphql/verify-vendor-domain.mutation';

const FAILURE_TITLES: Record<string, string> = {
  TOKEN_USED: 'This link has already been used',
  TOKEN_EXPIRED: 'This link has expired',
  INVALID_TOKEN: 'This link is not valid',
  DOMAIN_CLAIMED: 'Another consultancy has this domain',
};

/**
 * `/vendor-domains/verify?token=…`, the link in a domain verification email. No
 * sign-in is needed: receiving the mail at the domain is the proof. Verifying takes
 * a click, so a mail scanner that opens links does not verify by itself.
 */
export function VerifyVendorDomainPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  return (
    <Stack maw={620} gap={0}>
      <PageHeader title="Verify an email domain" description="Confirm that a consultancy on Assay uses your email domain." />
      {token ? (
        <VerifyWithToken token={token} />
      ) : (
        <EmptyMessage
          icon={<IconMailOpened aria-hidden />}
          title="This verification link is incomplete"
          description="Open the link from the verification email again. If it still does not work, ask the consultancy to send a new one."
        />
      )}
    </Stack>
  );
}

function VerifyWithToken({ token }: { token: string }) {
  const { me } = useCurrentUser();
  const [verify, { loading }] = useMutation(verifyVendorDomainMutation);
  const [done, setDone] = useState<VerifyVendorDomainMutation['verifyVendorDomain'] | null>(null);
  const [failure, setFailure] = useState<ErrorDescription | null>(null);

  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await verify({ variables: { input: { token } } });
      if (data) setDone(data.verifyVendorDomain);
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  if (done) {
    const isMember = me?.memberships.some((m) => m.organization.id === done.vendorId) ?? false;
    return (
      <Card>
        <Stack gap="md" role="status">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconCircleCheck size={26} color="var(--mantine-color-teal-8)" aria-hidden style={{ flex: 'none' }} />
            <div>
              <Text fw={600}>
                {done.domain} is verified for {done.vendorName}.
              </Text>
              <Text size="sm" c="dimmed">
                Recorded {formatDateTime(done.verifiedAt)}. References at {done.domain} now count as {done.vendorName}’s own staff.
              </Text>
            </div>
          </Group>
          {isMember ? (
            <Group>
              <Button component={Link} to={`/vendor/${done.vendorId}/domains`}>
                Back to your domains
              </Button>
            </Group>
          ) : (
            <Text size="sm">You can close this page.</Text>
          )}
        </Stack>
      </Card>
    );
  }

  const final = failure && failure.code !== 'NETWORK' && failure.code !== 'INTERNAL_SERVER_ERROR' && failure.code !== 'RATE_LIMITED';
  return (
    <Card>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconWorldCheck size={22} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
          <Text>
            A consultancy on Assay says it uses the email domain this mail was sent to. Confirm only if you know it does: your
            confirmation makes references from addresses at this domain count as the consultancy’s own staff.
          </Text>
        </Group>
        {failure && (
          <Alert role="alert" color="red" variant="light" title={(failure.reason && FAILURE_TITLES[failure.reason]) ?? 'Could not verify the domain'}>
            {failure.message}
          </Alert>
        )}
        <Group gap="sm">
          <Button onClick={() => void submit()} loading={loading} disabled={!!final}>
            Verify domain
          </Button>
          {final && me && (
            <Button component={Link} to="/vendor" variant="default">
              Go to your vendor dashboard
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
