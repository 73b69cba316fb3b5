import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AuthCard } from '../components/AuthCard';
import { verifyEmailMutation } from '../graphql/verify-email.mutation';
import { useRememberSession } from '../hooks/use-remember-session';

/** `/v/:token`: the emailed link confirms the address and signs the account in. */
export function VerifyEmailPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const rememberSession = useRememberSession();
  const [verify] = useMutation(verifyEmailMutation);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verify({ variables: { token } })
      .then(async ({ data }) => {
        if (!data) return;
        await rememberSession(data.verifyEmail);
        // A new account has no organisation yet: that is the next step.
        await navigate('/organizations', { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'This link did not work.'));
  }, [navigate, rememberSession, token, verify]);

  return (
    <AuthCard title="Confirming your email address" subtitle="One moment." footer={<Anchor component={Link} to="/sign-in">Sign in</Anchor>}>
      <Stack>
        {error ? (
          <Alert color="red" title="This link did not work">
            <Text size="sm">{error}</Text>
          </Alert>
        ) : (
          <Loader aria-label="Confirming" />
        )}
      </Stack>
    </AuthCard>
  );
}
