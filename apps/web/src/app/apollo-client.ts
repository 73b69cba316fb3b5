import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { VendorsQuery } from '../gql/graphql';

type VendorConnection = VendorsQuery['vendors'];

/**
 * One client for the app. The session lives in an httpOnly cookie on the same
 * origin (the API serves the web app; Vite proxies /graphql in development).
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // The directory is one growing list per search; "Load more" appends a page.
            vendors: {
              keyArgs: ['text', 'capability'],
              merge(existing: VendorConnection | undefined, incoming: VendorConnection, { args }) {
                if (!existing || !args?.after) return incoming;
                return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
              },
            },
          },
        },
        // Members and invitations are parts of their organization, not entities of their own.
        OrganizationMember: { keyFields: false },
        Membership: { keyFields: false },
      },
    }),
  });
}
