import { createTestDatabase } from '../support/database';
import { AssayProcess, ProcessGraphQLClient, signedUpClient, startAssay, stopAssay } from '../support/processes';

/** pino's numeric levels: 40 warn, 50 error, 60 fatal. */
function linesAtOrAbove(output: string, level: number): string[] {
  return output.split('\n').filter((line) => {
    try {
      return (JSON.parse(line) as { level?: number }).level! >= level;
    } catch {
      return false;
    }
  });
}

describe('Logs of a running API', () => {
  let api: AssayProcess;

  beforeAll(async () => {
    api = await startAssay({ DATABASE_URL: await createTestDatabase(), ASSAY_ROLE: 'api', NODE_ENV: 'production', LOG_LEVEL: 'info' });
  }, 90_000);
  afterAll(async () => {
    if (api) await stopAssay(api);
  });

  it('does not log refused requests as errors: a wrong password, bad input and a missing session are the client’s business', async () => {
    const client = await signedUpClient(api.url, 'logs@example.com');
    const before = api.output().length;

    const anonymous = new ProcessGraphQLClient(api.url);
    const wrongPassword = await anonymous.query(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email: 'logs@example.com', password: 'not-the-password-at-all' } });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badInput = await client.query(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: '', kind: 'buyer' } });
    expect(badInput.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const notSignedIn = await anonymous.query(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: 'Acme', kind: 'buyer' } });
    expect(notSignedIn.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await new Promise((r) => setTimeout(r, 300)); // let the last log lines arrive
    const logged = api.output().slice(before);
    expect(logged).toContain('"statusCode":200'); // the requests themselves are logged…
    expect(linesAtOrAbove(logged, 50)).toEqual([]); // …but nothing at error level, and no stack traces
    expect(logged).not.toContain('ExceptionsHandler');
  }, 60_000);
});
