// A real DNS server in the test process: UDP on loopback, answers encoded with
// dns-packet, zones given as plain data so each test plays its own case (a
// look-alike, a domain on the vendor's name servers, a silent server).
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import * as packet from 'dns-packet';

export interface TestZone {
  ns?: string[];
  mx?: string[];
  soa?: { mname: string; rname: string };
  txt?: string[];
}

export class TestDnsServer {
  /** Names the server answers for (lower-case, no trailing dot). Change them at any time. */
  readonly zones = new Map<string, TestZone>();
  /** While true, questions are dropped: DNS is "unreachable". */
  silent = false;
  /** Questions received, for assertions. */
  readonly questions: string[] = [];
  private socket?: Socket;
  port = 0;

  static async start(zones: Record<string, TestZone> = {}): Promise<TestDnsServer> {
    const server = new TestDnsServer();
    for (const [name, zone] of Object.entries(zones)) server.zones.set(name.toLowerCase(), zone);
    await server.listen();
    return server;
  }

  /** The `DNS_SERVERS` value pointing at this server. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private listen(): Promise<void> {
    const socket = createSocket('udp4');
    this.socket = socket;
    socket.on('message', (message, remote) => this.answer(message, remote));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        this.port = socket.address().port;
        resolve();
      });
    });
  }

  private answer(message: Buffer, remote: RemoteInfo): void {
    if (this.silent) return;
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    this.questions.push(`${question.type} ${name}`);
    const zone = this.zones.get(name);
    const answers: packet.Answer[] = [];
    if (zone) {
      const base = { name: question.name, ttl: 300, class: 'IN' as const };
      if (question.type === 'NS') for (const ns of zone.ns ?? []) answers.push({ ...base, type: 'NS', data: ns });
      if (question.type === 'MX') zone.mx?.forEach((exchange, i) => answers.push({ ...base, type: 'MX', data: { preference: 10 * (i + 1), exchange } }));
      if (question.type === 'TXT') for (const txt of zone.txt ?? []) answers.push({ ...base, type: 'TXT', data: txt });
      if (question.type === 'SOA' && zone.soa) {
        answers.push({
          ...base,
          type: 'SOA',
          data: { mname: zone.soa.mname, rname: zone.soa.rname, serial: 2026010101, refresh: 3600, retry: 600, expire: 86400, minimum: 300 },
        });
      }
    }
    const response = packet.encode({
      id: query.id,
      type: 'response',
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | packet.AUTHORITATIVE_ANSWER,
      // NXDOMAIN (rcode 3) for a name without a zone; an empty answer (NOERROR) otherwise.
      ...(zone ? {} : { rcode: 'NXDOMAIN' }),
      questions: query.questions,
      answers,
    } as packet.Packet);
    this.socket?.send(response, remote.port, remote.address);
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}
