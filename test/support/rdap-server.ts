// A real RDAP server in the test process: `GET /domain/<name>` answers the
// registration date given for that name, 404 for any other.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class TestRdapServer {
  readonly registrations = new Map<string, string>();
  private server?: Server;
  url = '';

  static async start(registrations: Record<string, string> = {}): Promise<TestRdapServer> {
    const rdap = new TestRdapServer();
    for (const [domain, date] of Object.entries(registrations)) rdap.registrations.set(domain, date);
    rdap.server = createServer((req, res) => {
      const match = /^\/domain\/([^/?]+)$/.exec(req.url ?? '');
      const date = match ? rdap.registrations.get(decodeURIComponent(match[1]).toLowerCase()) : undefined;
      if (!match || date === undefined) {
        res.writeHead(404, { 'content-type': 'application/rdap+json' }).end(JSON.stringify({ errorCode: 404 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rdap+json' });
      res.end(JSON.stringify({ objectClassName: 'domain', ldhName: match[1], events: [{ eventAction: 'registration', eventDate: date }] }));
    });
    await new Promise<void>((resolve) => rdap.server?.listen(0, '127.0.0.1', () => resolve()));
    rdap.url = `http://127.0.0.1:${(rdap.server.address() as AddressInfo).port}`;
    return rdap;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
