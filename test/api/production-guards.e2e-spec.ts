import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';
import { ConfigError, loadConfig } from '../../apps/api/src/config/config';
import { RATE_LIMITS } from '../../apps/api/src/modules/rate-limits/rate-limit.service';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

jest.setTimeout(60_000);

/** A real reverse proxy in front of the app, adding X-Forwarded-For like nginx's `proxy_add_x_forwarded_for`. */
async function reverseProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy = httpProxy.createProxyServer({ target, xfwd: true });
  const server = http.createServer((req, res) => proxy.web(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      proxy.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A browser at a client address of its own (127.0.0.0/8 is all loopback), talking to `url`. */
function clientAt(localAddress: string, url: string) {
  return async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({ query, variables });
    return new Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }>((resolve, reject) => {
      const req = http.request(`${url}/graphql`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  };
}

describe('Production guards', () => {
  describe('insecure cookies', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/x' };

    it('refuses to start in production with COOKIE_SECURE=false, naming the override', () => {
      expect(() => loadConfig({ ...base, COOKIE_SECURE: 'false' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, COOKIE_SECURE: 'false' })).toThrow(/COOKIE_SECURE=false is refused in production.*ALLOW_INSECURE_COOKIES=true/);
    });

    it('starts with the explicit override, and says so in the configuration', () => {
      const config = loadConfig({ ...base, COOKIE_SECURE: 'false', ALLOW_INSECURE_COOKIES: 'true' });
      expect(config).toMatchObject({ cookieSecure: false, insecureCookiesAllowed: true });
      expect(loadConfig(base)).toMatchObject({ cookieSecure: true, insecureCookiesAllowed: false });
      // Outside production nothing is needed (local development over http).
      expect(loadConfig({ ...base, NODE_ENV: 'development', COOKIE_SECURE: 'false' })).toMatchObject({ cookieSecure: false, insecureCookiesAllowed: false });
    });

    it('checks TRUST_PROXY at start', () => {
      expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
      expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a hop count/);
      expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
    });
  });

  describe.each([
    ['TRUST_PROXY=1 (the proxy is trusted)', '1', true],
    ['TRUST_PROXY=false (the proxy is not trusted)', 'false', false],
  ] as const)('behind a real reverse proxy, with %s', (_label, trustProxy, separated) => {
    let t: TestApp;
    let proxy: { url: string; close: () => Promise<void> };

    beforeAll(async () => {
      t = await createTestApp({ NODE_ENV: 'production', TRUST_PROXY: trustProxy });
      await t.app.listen(0, '127.0.0.1');
      proxy = await reverseProxy(`http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`);
      await t.signedInClient({ email: 'owner@proxied.example' });
    });
    afterAll(async () => {
      await proxy.close();
      await t.close();
    });

    it(separated ? 'refuses the guessing client by its own address while the owner at another address signs in' : 'lets one guessing client lock every client out, because all share the proxy’s address (why TRUST_PROXY matters)', async () => {
      const attacker = clientAt('127.0.0.2', proxy.url);
      const owner = clientAt('127.0.0.3', proxy.url);
      for (let i = 0; i < RATE_LIMITS.signInFailuresAccountIp.points; i++) {
        // A forged X-Forwarded-For does not help: the proxy appends the real address, and only one hop is trusted.
        const res = await attacker(SIGN_IN, { input: { email: 'owner@proxied.example', password: `wrong-guess-${i}-xyz` } }, { 'x-forwarded-for': `198.51.100.${i}` });
        expect(res.body.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
      }
      const refused = await attacker(SIGN_IN, { input: { email: 'owner@proxied.example', password: 'wrong-guess-last-xyz' } }, { 'x-forwarded-for': '203.0.113.9' });
      expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');

      const ownerSignIn = await owner(SIGN_IN, { input: { email: 'owner@proxied.example', password: TEST_PASSWORD } });
      if (separated) {
        expect(ownerSignIn.body.errors).toBeUndefined();
      } else {
        expect(ownerSignIn.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      }
      const keys: Array<{ key: string }> = await t.dataSource.query(`SELECT key FROM rate_limits WHERE key LIKE 'signInFailuresAccountIp:%'`);
      expect(keys.map((k) => k.key)).toEqual([`signInFailuresAccountIp:owner@proxied.example|${separated ? '127.0.0.2' : '127.0.0.1'}`]);
    });
  });
});
