import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from './graphql-context';

/**
 * The shape limits every GraphQL request must stay within, enforced before
 * anything executes. The web app's own operations use at most half of each
 * (test/api/graphql-limits.e2e-spec.ts checks that), so a request near a limit
 * is not one our client sends. When this was written the largest of them had
 * depth 4, cost 47 and 62 tokens, with no aliases or directives.
 */
export const GRAPHQL_LIMITS = {
  /** Nesting of selection sets, leaves included (`me { memberships { organization { id } } }` is 4); fragments are flattened. */
  maxDepth: 12,
  /**
   * graphql-armor's static cost: 1 per scalar, 2 per object, ×1.5 per level of
   * nesting, × a literal `first`/`last`. Bounds wide-and-deep queries that stay
   * under the depth limit.
   */
  maxCost: 5000,
  /** Aliased fields per operation (aliases of `__typename` are free): enough for side-by-side views (compare up to 5), far from alias-batching attacks. */
  maxAliases: 15,
  /** Directives per operation (`@include`/`@skip`); repeating them is a cheap way to burn validation time. */
  maxDirectives: 10,
  /** Lexical tokens per document, counted while parsing so an oversized document never becomes an AST. */
  maxTokens: 1000,
} as const;

export type GraphQLLimits = { [K in keyof typeof GRAPHQL_LIMITS]: number };

/** graphql-armor's validation rules for depth, cost, aliases and directives (refusals are GRAPHQL_VALIDATION_FAILED, HTTP 400). */
export function graphqlLimitRules(limits: GraphQLLimits = GRAPHQL_LIMITS): ValidationRule[] {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/**
 * Removes graphql-js's "Did you mean …?" hints from error messages: they name fields, arguments,
 * types and enum values, i.e. the schema that production hides by turning introspection off.
 * (graphql-armor's suggestion plugin only catches `Did you mean "x"`, not enum values or
 * fragment hints, and leaves a stray question mark.)
 */
export const hideSuggestionsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/\s*Did you mean [\s\S]*\?$/, '');
      },
    };
  },
};

/**
 * The Apollo options that harden the endpoint: the limit rules; tokens limited
 * with graphql-js's own `maxTokens` parse option (armor's token plugin throws
 * from `parsingDidStart`, which Apollo 5 answers with HTTP 500, whereas a
 * parse-time refusal is GRAPHQL_PARSE_FAILED with HTTP 400); in production, no
 * suggestions in error messages; and any further plugins (rate limits).
 */
export function graphqlHardening(
  env: AppConfig['env'],
  ...plugins: ApolloServerPlugin<GraphQLContext>[]
): { validationRules: ValidationRule[]; parseOptions: ParseOptions; plugins: ApolloServerPlugin<GraphQLContext>[] } {
  return {
    validationRules: graphqlLimitRules(),
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    plugins: [...(env === 'production' ? [hideSuggestionsPlugin] : []), ...plugins],
  };
}
