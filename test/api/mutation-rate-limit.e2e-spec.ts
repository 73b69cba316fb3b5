import request from 'supertest';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { mutationRateLimitKey } from '../../apps/api/src/modules/rate-limits/mutation-rate-limit.plugin';
import { RATE_LIMITS, RateLimitService } from '../../apps/api/src/modules/rate-limits/rate-limit.service';
import { countRows, createTestApp, GraphQLClient, TEST_PASSWORD, TestApp } from '../support/test-app';

const CREATE = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const LIMIT = RATE_LIMITS.mutation.points;

/** Spends `points` of a key's mutation budget directly, so a test needs only the last few requests. */
async function spend(t: TestApp, key: string, points: number): Promise<void> {
  const limits = t.app.get(RateLimitService);
  // Limits apply to HTTP requests only, so spend them as a request would.
  const asRequest = new RequestContext({ ip: '10.0.0.1' } as never, undefined, async () => null);
  for (let done = 0; done < points; done += 25) {
    await Promise.all(Array.from({ length: Math.min(25, points - done) }, () => limits.consume(asRequest, 'mutation', key)));
  }
}

async function userKey(client: GraphQLClient): Promise<string> {
  const me = await client.query<{ me: { id: string } }>('{ me { id } }');
  return mutationRateLimitKey(me.data!.me, undefined);
}

function expectRateLimited(res: { status: number; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }): void {
  expect(res.status).toBe(429);
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
  const retryAfter = error.extensions?.retryAfterSeconds as number;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(RATE_LIMITS.mutation.durationSeconds);
  expect(error.message).toBe(`Too many changes in a short time. Please try again in ${retryAfter} seconds.`);
}

describe('Mutation rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it(`refuses a user's mutation over ${LIMIT} a minute with RATE_LIMITED, saying when to retry, and writes nothing`, async () => {
    const owner = await t.signedInClient({ email: 'busy@example.com' });
    await spend(t, await userKey(owner), LIMIT - 1);

    const last = await owner.query(CREATE, { input: { name: 'Last Allowed', kind: 'buyer' } });
    expect(last.errors).toBeUndefined();

    const before = await countRows(t.dataSource, 'organizations');
    const refused = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', owner.cookieHeader())
      .send({ query: CREATE, variables: { input: { name: 'One Too Many', kind: 'buyer' } } });
    expectRateLimited({ status: refused.status, errors: refused.body.errors });
    expect(refused.body.data).toBeUndefined();
    expect(Number(refused.headers['retry-after'])).toBe(refused.body.errors[0].extensions.retryAfterSeconds);
    expect(await countRows(t.dataSource, 'organizations')).toBe(before);
    expect(await countRows(t.dataSource, 'organizations', 'name = $1', ['One Too Many'])).toBe(0);
  });

  it('leaves queries and other users alone', async () => {
    const spent = await t.signedInClient({ email: 'spent@example.com' });
    await spend(t, await userKey(spent), LIMIT);
    expectRateLimited(await spent.query(CREATE, { input: { name: 'Nope', kind: 'buyer' } }));
    expect((await spent.query('{ me { email } }')).data).toEqual({ me: { email: 'spent@example.com' } });

    const other = await t.signedInClient({ email: 'fresh@example.com' });
    expect((await other.query(CREATE, { input: { name: 'Fresh Co', kind: 'buyer' } })).errors).toBeUndefined();
  });

  it('keys anonymous mutations by network address', async () => {
    const signUpFrom = (ip: string, email: string) =>
      request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', ip)
        .send({ query: 'mutation($input: SignUpInput!) { signUp(input: $input) { message } }', variables: { input: { email, displayName: 'Anon', password: TEST_PASSWORD } } });
    await spend(t, mutationRateLimitKey(null, '203.0.113.7'), LIMIT);

    const refused = await signUpFrom('203.0.113.7', 'blocked@example.com');
    expectRateLimited({ status: refused.status, errors: refused.body.errors });
    expect(await countRows(t.dataSource, 'users', 'email = $1', ['blocked@example.com'])).toBe(0);

    const elsewhere = await signUpFrom('203.0.113.8', 'allowed@example.com');
    expect(elsewhere.body.errors).toBeUndefined();
  });

  it('holds across two API processes on the same database', async () => {
    const second = await createTestApp({}, { databaseUrl: t.databaseUrl });
    try {
      const onFirst = await t.signedInClient({ email: 'two-apps@example.com' });
      const onSecond = second.client();
      onSecond.setCookie('assay_session', onFirst.getCookie('assay_session')!);
      await spend(t, await userKey(onFirst), LIMIT - 4);

      // The last four points, spent alternately on each process…
      for (const [i, client] of [onFirst, onSecond, onFirst, onSecond].entries()) {
        expect((await client.query(CREATE, { input: { name: `Shared Budget ${i}`, kind: 'buyer' } })).errors).toBeUndefined();
      }
      // …leave nothing on either.
      expectRateLimited(await onSecond.query(CREATE, { input: { name: 'Over On Second', kind: 'buyer' } }));
      expectRateLimited(await onFirst.query(CREATE, { input: { name: 'Over On First', kind: 'buyer' } }));
      expect(await countRows(t.dataSource, 'organizations', 'name LIKE $1', ['Over On %'])).toBe(0);
    } finally {
      await second.close();
    }
  }, 60_000);
});
