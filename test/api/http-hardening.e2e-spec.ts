import request from 'supertest';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { AccountsService } from '../../apps/api/src/modules/accounts/accounts.service';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { id } }';

// A process's first sign-up loads the password-strength dictionaries (~0.5 s, more on a busy machine).
jest.setTimeout(30_000);

/** The Set-Cookie line of the session cookie, split into its lower-cased attributes. */
function sessionCookie(res: request.Response): { value: string; attributes: string[] } {
  const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('assay_session='));
  if (!line) throw new Error('no session cookie was set');
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice('assay_session='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** A new account signed in over HTTP (sign-up itself starts no session: its emailed link does). */
async function signUp(t: TestApp, email: string): Promise<request.Response> {
  await t.app.get(AccountsService).createUser(RequestContext.system(), { email, displayName: 'Hardening Check', password: TEST_PASSWORD });
  return request(t.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query: SIGN_IN, variables: { input: { email, password: TEST_PASSWORD } } });
}

describe('HTTP hardening', () => {
  let t: TestApp;
  let prod: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    prod = await createTestApp({ NODE_ENV: 'production' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await prod.close();
  });

  it.each([
    ['the health check', (a: TestApp) => request(a.app.getHttpServer()).get('/health')],
    ['a GraphQL request', (a: TestApp) => request(a.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' })],
    ['a web app route', (a: TestApp) => request(a.app.getHttpServer()).get('/vendors')],
  ])('sends the security headers on %s', async (_what, send) => {
    for (const app of [t, prod]) {
      const res = await send(app);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
        'x-permitted-cross-domain-policies': 'none',
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, whole-site and expiring; Secure in production', async () => {
    const dev = sessionCookie(await signUp(t, 'cookie-dev@example.com'));
    expect(dev.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(dev.attributes.some((a) => a.startsWith('expires='))).toBe(true);
    expect(dev.attributes).not.toContain('secure');
    expect(dev.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const production = sessionCookie(await signUp(prod, 'cookie-prod@example.com'));
    expect(production.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure']));
  });

  it('clears the session cookie on sign-out with the same flags', async () => {
    const session = sessionCookie(await signUp(prod, 'cookie-out@example.com'));
    const res = await request(prod.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', `assay_session=${session.value}`)
      .send({ query: 'mutation { signOut }' });
    const cleared = sessionCookie(res);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure', 'expires=thu, 01 jan 1970 00:00:00 gmt']));
  });

  it('blocks cross-site "simple" requests to GraphQL (CSRF prevention)', async () => {
    const server = t.app.getHttpServer();
    const form = await request(server).post('/graphql').set('content-type', 'text/plain').send('{"query":"mutation { signOut }"}');
    expect(form.status).toBe(400);
    expect(form.text).toMatch(/Cross-Site Request Forgery/);
    const get = await request(server).get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    const preflighted = await request(server).get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true');
    expect(preflighted.status).toBe(200);
  });

  it('refuses a mutation sent with GET even when preflighted', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').query({ query: 'mutation { signOut }' }).set('apollo-require-preflight', 'true');
    expect(res.status).toBe(405);
  });

  it('refuses batched requests', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body?.data).toBeUndefined();
  });

  it('refuses an oversized body (5 MB) with 413, not a server error', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { padding: 'x'.repeat(5_000_000) } });
    expect(res.status).toBe(413);
  });

  it('turns introspection off in production', async () => {
    const res = await prod.client().query('{ __schema { queryType { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/introspection/i);
    expect((await t.client().query('{ __schema { queryType { name } } }')).errors).toBeUndefined();
  });

  it('does not suggest names in production, where they would reveal the schema', async () => {
    const res = await prod.client().query('{ mee { id } organizatio(id: "x") { id } vendors(firs: 1) { totalCount } }');
    expect(res.errors?.length).toBe(3);
    for (const error of res.errors ?? []) {
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).not.toMatch(/Did you mean|"me"|"organization"|"first"|\?$/);
    }
    // Not even the name asked for: production messages name nothing of the schema (issue 16).
    expect(res.errors?.[0].message).toBe('This request asks for something the API does not offer, or leaves out something it needs.');
    const enumValue = await prod.client().query('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', { input: { name: 'X', kind: 'vendr' } });
    expect(enumValue.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(enumValue.errors?.[0].message).toBe('A value in this request is missing or of the wrong type.');
    const dev = await t.client().query('{ mee { id } }');
    expect(dev.errors?.[0].message).toMatch(/Did you mean "me"/);
  });

  it('names no internal type, field, argument or variable in production errors: a code and a sentence', async () => {
    const schemaNames = /"|\$input|\$first|OrganizationKind|CreateOrganizationInput|Query|Mutation|vendors|kind|first/;
    const requests: Array<[string, Record<string, unknown>]> = [
      ['{ vendors(first: 1) { totalCount ', {}],
      ['{ vendors(frist: 1) { totalCount nme } }', {}],
      ['query($first: Int!) { vendors(first: $first) { totalCount } }', { first: 'many' }],
      ['mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', { input: { name: 'X' } }],
      ['query A { __typename } query B { __typename }', {}],
    ];
    for (const [query, variables] of requests) {
      const res = await prod.client().query(query, variables);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors ?? []) {
        expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
        expect(error.message).toMatch(/^[A-Z].*[.!]$/);
        expect(error.message).not.toMatch(schemaNames);
      }
    }
    // Development keeps graphql-js's own messages, which help while writing a query.
    expect((await t.client().query('{ vendors(frist: 1) { totalCount } }')).errors?.[0].message).toMatch(/frist/);
  });

  it('sends no stack traces or internal details with errors in production', async () => {
    const leaks = /stacktrace|exception|at \w+ \(|node_modules|\.[jt]s:\d+/i;
    const coercion = await prod.client().query('query($first: Int!) { vendors(first: $first) { totalCount } }', { first: 'many' });
    expect(coercion.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(coercion)).not.toMatch(leaks);
    // Signed in: an anonymous caller is refused by the policy (UNAUTHENTICATED) before the lookup.
    const member = await prod.signedInClient({ email: 'leaks@example.com' });
    const domain = await member.query('query($id: ID!) { organization(id: $id) { id } }', { id: 'not-an-id' });
    expect(domain.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(domain)).not.toMatch(leaks);
  });
});
