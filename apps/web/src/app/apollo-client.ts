import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client for the app. The session lives in an httpOnly cookie on the same
 * origin (the API serves the web app; Vite proxies /graphql in development).
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        // Members and invitations are parts of their organization, not entities of their own.
        OrganizationMember: { keyFields: false },
        Membership: { keyFields: false },
      },
    }),
  });
}
