import { TestDnsServer } from './dns-server';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, startJobs } from '../../apps/api/src/bootstrap';
import { AppConfig, loadConfig } from '../../apps/api/src/config/config';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { AccountsService } from '../../apps/api/src/modules/accounts/accounts.service';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; fields?: Array<{ field: string; message: string }> } & Record<string, unknown> }>;
  status: number;
}

/** A GraphQL client that keeps its own cookies, like one browser. */
export class GraphQLClient {
  private cookies = new Map<string, string>();
  /**
   * Each client looks like its own network address (the app trusts X-Forwarded-For
   * from loopback), so per-IP rate limits see separate users, as in production.
   */
  readonly ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(private readonly app: INestApplication) {}

  async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await request(this.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      // What the web app's Apollo Client sends: request errors then come back as 400 (GraphQL over HTTP).
      .set('accept', 'application/graphql-response+json,application/json;q=0.9')
      .set('x-forwarded-for', this.ip)
      .set('cookie', this.cookieHeader())
      .send({ query, variables });
    for (const raw of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair, ...attrs] = raw.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { ...(res.body as GraphQLResponse<T>), status: res.status };
  }

  cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  getCookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  databaseUrl: string;
  dataSource: DataSource;
  client(): GraphQLClient;
  /** Creates a user through the real service and returns a client signed in as them. */
  /** Accounts are email-verified by default (as the admin CLI and seed make them); `emailVerified: false` for one that is not. */
  signedInClient(user: { email: string; displayName?: string; password?: string; platformRoles?: ('admin' | 'reviewer')[]; emailVerified?: boolean }): Promise<GraphQLClient>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'a-long-test-password-9431';

/** Boots the real application on a fresh clone of the migrated template database. */
export async function createTestApp(env: Record<string, string> = {}, options: { jobs?: boolean; /** Share another app's database (a second API process). */ databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  // Client domains are checked against a real DNS server in this process (empty zones unless a
  // test gives its own with DNS_SERVERS), never the machine's resolver; RDAP is off unless given.
  const dns = env.DNS_SERVERS ? null : await TestDnsServer.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ASSAY_SEED: 'false',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...(dns ? { DNS_SERVERS: dns.address } : {}),
    DNS_TIMEOUT_MS: '500',
    RDAP_BASE_URL: 'off',
    ...env,
  });
  const app = await createApp(config, databaseUrl, { logger: false });
  if (options.jobs) await startJobs(app, config);
  const dataSource = app.get(DataSource);
  const testApp: TestApp = {
    app,
    config,
    databaseUrl,
    dataSource,
    client: () => new GraphQLClient(app),
    signedInClient: async ({ email, displayName, password = TEST_PASSWORD, platformRoles, emailVerified = true }) => {
      await app.get(AccountsService).createUser(RequestContext.system(), { email, displayName: displayName ?? email.split('@')[0], password, platformRoles, emailVerified });
      const client = new GraphQLClient(app);
      const res = await client.query('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email, password } });
      if (res.errors) throw new Error(`sign-in failed in test setup: ${res.errors[0].message}`);
      return client;
    },
    close: async () => {
      await app.close();
      await dns?.stop();
    },
  };
  return testApp;
}

/** Counts rows with a plain SQL query, for "nothing was written" assertions. */
export async function countRows(ds: DataSource, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows: Array<{ n: number }> = await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return rows[0].n;
}
