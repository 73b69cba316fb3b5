// The standing of a client domain, against a real DNS server in this process whose
// zones play each case: a look-alike of another client's domain, a domain on the
// vendor's own name servers, and a DNS server that does not answer.
import { createDraft, nominate, vendorWithOwner, verifiedDomain } from '../support/factories';
import { TestDnsServer } from '../support/dns-server';
import { ANSWER, answerInput, mailedToken, SUBMIT } from '../support/ledger-flow';
import { createTestApp, GraphQLClient, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const STANDING = `query($id: ID!) { caseStudy(id: $id) { client { domain domainStanding { standing reason dnsChecked } } } }`;
const SIGNALS = `query($vendorId: ID!) { vendorSignals(vendorId: $vendorId) { clientEndorsement { effectiveN } flags { kind sentence } } }`;

describe('Client-domain standing (API e2e, real in-process DNS)', () => {
  let t: TestApp;
  let dns: TestDnsServer;

  beforeAll(async () => {
    dns = await TestDnsServer.start({
      'fairwaytelecom.example': { ns: ['ns1.fairway-hosting.example'], mx: ['mail.fairwaytelecom.example'], soa: { mname: 'ns1.fairway-hosting.example', rname: 'hostmaster.fairwaytelecom.example' } },
      'fairway-telecom.example': { ns: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], mx: [], soa: { mname: 'ada.ns.cloudflare.com', rname: 'dns.cloudflare.com' } },
      'shadyvendor.example': { ns: ['ns1.shady-ops.example', 'ns2.shady-ops.example'], mx: ['mx.shady-ops.example'], soa: { mname: 'ns1.shady-ops.example', rname: 'hostmaster.shady-ops.example' } },
      'northwind-data.example': { ns: ['ns1.shady-ops.example'], mx: ['mx.northwind-data.example'], soa: { mname: 'ns1.shady-ops.example', rname: 'admin.northwind-data.example' } },
      'globex.example': { ns: ['ns1.globex.example'], mx: ['mail.globex.example'], soa: { mname: 'ns1.globex.example', rname: 'hostmaster.globex.example' } },
    });
    t = await createTestApp({ DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await t.close();
    await dns.stop();
  });

  async function submitted(vendor: { client: GraphQLClient; vendorId: string }, clientName: string, domain: string, answer = false): Promise<string> {
    const draft = await createDraft(vendor.client, vendor.vendorId, { client: { name: clientName, domain, anonymised: false, descriptor: null } });
    const contact = `cto@${domain}`;
    expect((await nominate(vendor.client, draft.id, contact)).errors).toBeUndefined();
    expect((await vendor.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    if (answer) {
      const outcomeIds = (await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1`, [draft.id])).map((r: { id: string }) => r.id);
      const token = await mailedToken(t, contact, '/r/');
      expect((await t.client().query(ANSWER, { token, input: answerInput(outcomeIds) })).errors).toBeUndefined();
    }
    return draft.id;
  }

  it('marks a look-alike of another client’s domain suspect, with the reason, and gives its references no weight', async () => {
    const honest = await vendorWithOwner(t, 'owner@honest-vendor.example', 'Honest Vendor');
    await submitted(honest, 'Fairway Telecom', 'fairwaytelecom.example');
    const forger = await vendorWithOwner(t, 'owner@forger-vendor.example', 'Forger Vendor');
    const id = await submitted(forger, 'Fairway Telecom', 'fairway-telecom.example', true);

    const res = await forger.client.query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string; dnsChecked: boolean } } } }>(STANDING, { id });
    expect(res.data?.caseStudy.client.domainStanding).toEqual({
      standing: 'suspect',
      reason: 'The client domain fairway-telecom.example resembles fairwaytelecom.example, a domain another client uses.',
      dnsChecked: true,
    });
    const signals = await forger.client.query<{ vendorSignals: { clientEndorsement: { effectiveN: number }; flags: Array<{ kind: string; sentence: string }> } }>(SIGNALS, { vendorId: forger.vendorId });
    expect(signals.data?.vendorSignals.clientEndorsement.effectiveN).toBe(0);
    expect(signals.data?.vendorSignals.flags).toContainEqual({
      kind: 'client_domain_suspect',
      sentence: 'The client domain fairway-telecom.example resembles fairwaytelecom.example, a domain another client uses; references from it were given no weight.',
    });
  });

  it('marks a client domain on the vendor’s own name servers suspect', async () => {
    const vendor = await vendorWithOwner(t, 'owner@shadyvendor.example', 'Shady Vendor');
    await verifiedDomain(t.dataSource, vendor.vendorId, 'shadyvendor.example');
    const id = await submitted(vendor, 'Northwind Data', 'northwind-data.example');
    const res = await vendor.client.query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string } } } }>(STANDING, { id });
    expect(res.data?.caseStudy.client.domainStanding).toMatchObject({
      standing: 'suspect',
      reason: 'The client domain northwind-data.example uses the same name servers (ns1.shady-ops.example) as the vendor’s own domain shadyvendor.example, so the vendor appears to control it.',
    });
  });

  it('says unconfirmed for a domain seen only with this vendor, and "not checked" when DNS does not answer', async () => {
    const vendor = await vendorWithOwner(t, 'owner@plain-vendor.example', 'Plain Vendor');
    const id = await submitted(vendor, 'Globex', 'globex.example');
    const ok = await vendor.client.query<{ caseStudy: { client: { domainStanding: { standing: string; dnsChecked: boolean } } } }>(STANDING, { id });
    expect(ok.data?.caseStudy.client.domainStanding).toMatchObject({ standing: 'unconfirmed', dnsChecked: true });

    dns.silent = true;
    try {
      const other = await vendorWithOwner(t, 'owner@offline-vendor.example', 'Offline Vendor');
      const offline = await submitted(other, 'Initech', 'initech.example');
      const res = await other.client.query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string; dnsChecked: boolean } } } }>(STANDING, { id: offline });
      expect(res.data?.caseStudy.client.domainStanding).toMatchObject({ standing: 'unconfirmed', dnsChecked: false, reason: expect.stringContaining('not checked') });
    } finally {
      dns.silent = false;
    }
  });
});
