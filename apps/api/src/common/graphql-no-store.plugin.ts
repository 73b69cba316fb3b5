import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLContext } from './graphql-context';

/**
 * Every GraphQL answer is `Cache-Control: no-store`, as Apollo's cache-control plugin made it
 * (the schema sets no cache hints). That plugin is turned off: its per-field hook made Apollo
 * wrap every resolver of the schema, default ones included, which on a search page or a
 * comparison means thousands of wrapped calls per request for hints nobody sets.
 */
export function graphqlNoStorePlugins(): ApolloServerPlugin<GraphQLContext>[] {
  return [
    ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<GraphQLContext>,
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
