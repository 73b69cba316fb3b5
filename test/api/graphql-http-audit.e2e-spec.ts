import { serverAudits } from 'graphql-http';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP conformance audits of graphql-http, against the real
 * server listening on a port: every MUST passes, and the SHOULDs we do not meet
 * are listed here with the reason, so a new deviation fails the test.
 */
const APOLLO_400 =
  'Apollo Server answers a request it cannot execute with 400 whatever the Accept header (the graphql-response+json rule); the web client reads GraphQL errors from 4xx bodies (ui/errors/describe-error.ts).';
const ACCEPTED_SHOULD_DEVIATIONS: Record<string, string> = {
  '572B SHOULD use 200 status code on document parsing failure when accepting application/json': APOLLO_400,
  'FDE2 SHOULD use 200 status code on document validation failure when accepting application/json': APOLLO_400,
  '7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json': APOLLO_400,
};

describe('GraphQL over HTTP (graphql-http server audit)', () => {
  let t: TestApp;
  let url = '';
  const audits = serverAudits({ url: () => url });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `${await t.app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  }, 60_000);
  afterAll(() => t.close());

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.id, a.name, a] as const))('%s %s', async (_id, _name, audit) => {
    const result = await audit.fn();
    expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({ status: 'ok', reason: undefined });
  });

  it('meets every SHOULD except the accepted deviations', async () => {
    const failing: Record<string, string> = {};
    for (const audit of audits.filter((a) => a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failing[`${audit.id} ${audit.name}`] = result.reason;
    }
    expect(Object.keys(failing).sort()).toEqual(Object.keys(ACCEPTED_SHOULD_DEVIATIONS).sort());
  });
});
