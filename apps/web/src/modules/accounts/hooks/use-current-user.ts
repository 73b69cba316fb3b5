import { useQuery } from '@apollo/client/react';
import type { MeQuery } from '../../../gql/graphql';
import { meQuery } from '../graphql/me.query';

export type CurrentUser = NonNullable<MeQuery['me']>;

/** The signed-in user (null when signed out), shared by every component through the cache. */
export function useCurrentUser() {
  const { data, loading, error, refetch } = useQuery(meQuery, { fetchPolicy: 'cache-first' });
  const me = data?.me ?? null;
  return {
    me,
    /** True until we know whether someone is signed in. */
    loading: loading && !data,
    error,
    refetch,
    isAdmin: me?.platformRoles.includes('admin') ?? false,
  };
}
