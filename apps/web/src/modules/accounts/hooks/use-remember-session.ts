import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { MeQuery } from '../../../gql/graphql';
import { meQuery } from '../graphql/me.query';

/**
 * After sign-in or sign-up: forget anything cached for the previous visitor and
 * make the new user the answer to `me`, so the header updates without a refetch.
 */
export function useRememberSession() {
  const client = useApolloClient();
  return useCallback(
    async (user: NonNullable<MeQuery['me']>) => {
      await client.clearStore();
      client.writeQuery({ query: meQuery, data: { me: user } });
    },
    [client],
  );
}
