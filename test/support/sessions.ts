import { RequestContext } from '../../apps/api/src/common/request-context';
import { SESSION_COOKIE } from '../../apps/api/src/modules/accounts/session-cookie';
import { SessionsRepository } from '../../apps/api/src/modules/accounts/sessions.repository';
import { newToken } from '../../apps/api/src/common/tokens';
import type { GraphQLClient, TestApp } from './test-app';

/**
 * A client signed in as an existing user through a new session of their own,
 * without a sign-in request: no password check and no sign-in rate limit, so a
 * test can open a fresh session for every request it makes.
 */
export async function clientWithNewSession(t: TestApp, userId: string): Promise<GraphQLClient> {
  const { token, hash } = newToken();
  await t.app.get(SessionsRepository).create(RequestContext.system(), userId, hash, new Date(Date.now() + 86_400_000), 'assay-tests');
  const client = t.client();
  client.setCookie(SESSION_COOKIE, token);
  return client;
}
