import request from 'supertest';
import { serverAudits } from 'graphql-http';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP conformance audits of graphql-http, against the real server
 * in production mode, listening on a port: every MUST and every SHOULD passes, except
 * the audits whose query is an introspection query (`__type`), which production refuses
 * on purpose. The counts are printed for `npm run audit:graphql-http`.
 */
const NEED_INTROSPECTION: Record<string, string> = {
  '28B9 MUST allow map {variables} parameter when accepting application/json': 'its query is `__type(name: $name)`; introspection is off in production',
  '2EA1 SHOULD allow map {variables} parameter when accepting application/graphql-response+json': 'its query is `__type(name: $name)`; introspection is off in production',
};

describe('GraphQL over HTTP (graphql-http server audit, production mode)', () => {
  let t: TestApp;
  let url = '';
  const audits = serverAudits({ url: () => url });
  const results: Array<{ id: string; name: string; level: 'MUST' | 'SHOULD' | 'MAY'; ok: boolean; reason?: string }> = [];

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
    await t.app.listen(0, '127.0.0.1');
    url = `${await t.app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({ id: audit.id, name: audit.name, level: audit.name.split(' ')[0] as 'MUST' | 'SHOULD' | 'MAY', ok: result.status === 'ok', reason: result.status === 'ok' ? undefined : result.reason });
    }
    const count = (level: string) => {
      const of = results.filter((r) => r.level === level);
      return `${of.filter((r) => r.ok).length}/${of.length}`;
    };
    // The line `npm run audit:graphql-http` is for.
    console.log(`graphql-http audit (production mode): MUST passed ${count('MUST')}, SHOULD passed ${count('SHOULD')} (not passing, introspection needed: ${Object.keys(NEED_INTROSPECTION).map((k) => k.slice(0, 4)).join(', ')})`);
  }, 120_000);
  afterAll(() => t.close());

  it('passes every MUST and every SHOULD except the ones that need introspection', () => {
    const failing = Object.fromEntries(results.filter((r) => !r.ok && r.level !== 'MAY').map((r) => [`${r.id} ${r.name}`, r.reason]));
    expect(Object.keys(failing).sort()).toEqual(Object.keys(NEED_INTROSPECTION).sort());
    expect(results.filter((r) => r.level === 'MUST').length).toBeGreaterThan(10);
  });

  it.each([
    ['a parse error', '{ vendors(first: 1) { totalCount '],
    ['a validation error', '{ noSuchField }'],
  ])('answers %s with 400 as application/graphql-response+json and with 200 as application/json', async (_label, query) => {
    const strict = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('accept', 'application/graphql-response+json').send({ query });
    expect(strict.status).toBe(400);
    expect(strict.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(strict.body.errors[0].extensions.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
    const legacy = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('accept', 'application/json').send({ query });
    expect(legacy.status).toBe(200);
    expect(legacy.headers['content-type']).toMatch(/^application\/json/);
    expect(legacy.body.errors[0].extensions.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
    expect(legacy.body.data).toBeUndefined();
  });
});
