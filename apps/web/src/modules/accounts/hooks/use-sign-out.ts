import { useCallback, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../../ui/errors/describe-error';
import { signOutMutation } from '../graphql/sign-out.mutation';

/** Ends the session, leaves private pages, and forgets every cached private answer. */
export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(signOutMutation);
  const [signingOut, setSigningOut] = useState(false);

  /** `to`: where to go once signed out (the landing page unless said otherwise). */
  const run = useCallback(async (to = '/') => {
    setSigningOut(true);
    try {
      await signOut();
      // Leave the private page first, so nothing refetches its data as a signed-out user.
      await navigate(to, { replace: true, flushSync: true });
      await client.resetStore();
      notifications.show({ color: 'teal', title: 'Signed out', message: 'You have been signed out of Assay.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not sign out', message: describeError(error).message });
    } finally {
      setSigningOut(false);
    }
  }, [client, navigate, signOut]);

  return { signOut: run, signingOut };
}
