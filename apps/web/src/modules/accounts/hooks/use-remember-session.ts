import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { MeQuery } from '../../../gql/graphql';
import { meQuery } from '../graphql/me.query';

/**
 * After sign-in or sign-up: drop anything cached for the previous visitor and
 * refetch what is on screen (`me` first of all) as the new user.
 */
export function useRememberSession() {
  const client = useApolloClient();
  return useCallback(
    async (user: NonNullable<MeQuery['me']>) => {
      try {
        // resetStore (not clearStore): active queries are refetched, so every `me` watcher updates.
        await client.resetStore();
      } catch {
        // A refetch failed; the session itself is fine, and the page shows its own error state.
      }
      client.writeQuery({ query: meQuery, data: { me: user } });
    },
    [client],
  );
}
