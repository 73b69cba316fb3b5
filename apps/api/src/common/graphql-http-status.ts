import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './graphql-context';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * The media type Apollo Server will answer with for this Accept header (the same
 * preference as its `chooseContentTypeForSingleResultResponse`: highest q, then the
 * most specific match, then the order in the header; `application/json` on a tie or
 * without a header), or null when neither is acceptable.
 */
export function negotiatedMediaType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const entries = accept.split(',').map((part, index) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { range: range.trim(), q: q ? Number(q.slice(2)) : 1, index };
  });
  let best: { type: string; q: number; specificity: number; index: number } | null = null;
  for (const type of [JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) {
    const [major] = type.split('/');
    const matches = entries
      .map((e) => ({ ...e, specificity: e.range === type ? 2 : e.range === `${major}/*` ? 1 : e.range === '*/*' ? 0 : -1 }))
      .filter((e) => e.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity);
    const match = matches[0];
    if (!match || !(match.q > 0)) continue;
    const better = !best || match.q > best.q || (match.q === best.q && (match.specificity > best.specificity || (match.specificity === best.specificity && match.index < best.index)));
    if (better) best = { type, q: match.q, specificity: match.specificity, index: match.index };
  }
  return best?.type ?? null;
}

/**
 * The status codes of the GraphQL-over-HTTP spec for a request that cannot be executed
 * (a parse, validation or variable error; no `data`): answered as
 * `application/graphql-response+json` it is a 4xx (Apollo's 400, kept); answered as the
 * legacy `application/json`, the spec says 200 with the errors in the body (the SHOULDs
 * 572B, FDE2 and 7B9B of graphql-http's audit). Statuses other than 400 (429 for a rate
 * limit, 405, 415) are left as they are. The content type is set here, as Apollo would.
 */
export const graphqlHttpStatusPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single' || response.http.status !== 400) return;
        const result = response.body.singleResult;
        if (!result.errors?.length || 'data' in result) return;
        const mediaType = negotiatedMediaType(request.http?.headers.get('accept'));
        if (mediaType !== JSON_TYPE) return;
        response.http.headers.set('content-type', `${JSON_TYPE}; charset=utf-8`);
        response.http.status = 200;
      },
    };
  },
};
