// The standing of a client domain, against a real DNS server in this process whose
// zones play each case: a look-alike of another client's domain, a domain on the
// vendor's own name servers, and a DNS server that does not answer.
import { createDraft, nominate, vendorWithOwner, verifiedDomain } from '../support/factories';
import { TestDnsServer } from '../support/dns-server';
import { ANSWER, answerInput, mailedToken, SUBMIT } from '../support/ledger-flow';
import { createTestApp, GraphQLClient, TestApp } from '../support/test-app';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { ClientDomainStandingService, REASSESS_RELATED_STANDINGS_JOB } from '../../apps/api/src/modules/identity/client-domain-standing.service';

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

  it('re-assesses earlier claims when a domain is proven or named again: a look-alike turns suspect, the same domain corroborated', async () => {
    for (const domain of ['vandelayindustries.example', 'vandelay-industries.example', 'oscorp.example']) {
      dns.zones.set(domain, { ns: [`ns1.${domain}`], mx: [`mail.${domain}`], soa: { mname: `ns1.${domain}`, rname: `hostmaster.${domain}` } });
    }
    const standings = t.app.get(ClientDomainStandingService);
    const queued = async (domain: string, after?: string): Promise<number> =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'domain' = $2 AND data->>'exceptCaseStudyId' IS NOT DISTINCT FROM $3`, [
          REASSESS_RELATED_STANDINGS_JOB,
          domain,
          after ?? null,
        ])
      )[0].n;
    const standingOf = async (vendor: { client: GraphQLClient }, id: string) =>
      (await vendor.client.query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string } } } }>(STANDING, { id })).data?.caseStudy.client.domainStanding;

    // A forger names a look-alike before the real client is on Assay: nothing to compare it with yet.
    const forger = await vendorWithOwner(t, 'owner@early-forger.example', 'Early Forger');
    const forged = await submitted(forger, 'Vandelay Industries', 'vandelay-industries.example', true);
    expect((await standingOf(forger, forged))?.standing).toBe('unconfirmed');
    // The real client proves its domain: the re-assessment is queued, and its work (this app runs no job workers) exposes the look-alike.
    const client = await t.signedInClient({ email: 'art@vandelayindustries.example' });
    const org = (await client.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Vandelay Industries", kind: buyer }) { id } }`)).data!.createOrganization.id;
    const proved = await client.query(`mutation($input: ProveOrganizationDomainInput!) { proveOrganizationDomain(input: $input) { verified } }`, { input: { organizationId: org, domain: 'vandelayindustries.example' } });
    expect(proved.errors).toBeUndefined();
    expect(await queued('vandelayindustries.example')).toBe(1);
    expect(await standings.reassessRelated(RequestContext.system(), 'vandelayindustries.example')).toBe(1);
    expect(await standingOf(forger, forged)).toMatchObject({ standing: 'suspect', reason: expect.stringContaining('resembles vandelayindustries.example') });

    // A second, independent vendor names the same client: the first claim is corroborated.
    const first = await vendorWithOwner(t, 'owner@first-oscorp.example', 'First Vendor');
    const earlier = await submitted(first, 'Oscorp', 'oscorp.example');
    expect((await standingOf(first, earlier))?.standing).toBe('unconfirmed');
    const second = await vendorWithOwner(t, 'owner@second-oscorp.example', 'Second Vendor');
    const later = await submitted(second, 'Oscorp', 'oscorp.example');
    expect(await queued('oscorp.example', later)).toBe(1);
    expect(await standings.reassessRelated(RequestContext.system(), 'oscorp.example', later)).toBe(1);
    expect((await standingOf(first, earlier))?.standing).toBe('corroborated');
  });

  it('does not let a second vendor on the same servers corroborate a client: two vendors on one infrastructure are one controller', async () => {
    for (const [domain, ns] of [
      ['umbrella-corp.example', 'ns1.umbrella-corp.example'],
      ['puppet-one.example', 'ns1.puppet-ops.example'],
      ['puppet-two.example', 'ns1.puppet-ops.example'],
      ['honest-third.example', 'ns1.honest-third.example'],
    ]) {
      dns.zones.set(domain, { ns: [ns], mx: [`mail.${domain}`], soa: { mname: ns, rname: `hostmaster.${domain}` } });
    }
    const standings = t.app.get(ClientDomainStandingService);
    const one = await vendorWithOwner(t, 'owner@puppet-one.example', 'Puppet One');
    await verifiedDomain(t.dataSource, one.vendorId, 'puppet-one.example');
    const claimed = await submitted(one, 'Umbrella Corp', 'umbrella-corp.example');
    // A second vendor with no member in common, but its domain on the first one's name servers.
    const two = await vendorWithOwner(t, 'owner@puppet-two.example', 'Puppet Two');
    await verifiedDomain(t.dataSource, two.vendorId, 'puppet-two.example');
    const echo = await submitted(two, 'Umbrella Corp', 'umbrella-corp.example');
    await standings.reassessRelated(RequestContext.system(), 'umbrella-corp.example', echo);
    const standing = async () => (await one.client.query<{ caseStudy: { client: { domainStanding: { standing: string } } } }>(STANDING, { id: claimed })).data?.caseStudy.client.domainStanding.standing;
    expect(await standing()).toBe('unconfirmed');
    // A vendor on its own infrastructure does corroborate it.
    const third = await vendorWithOwner(t, 'owner@honest-third.example', 'Honest Third');
    await verifiedDomain(t.dataSource, third.vendorId, 'honest-third.example');
    const independent = await submitted(third, 'Umbrella Corp', 'umbrella-corp.example');
    await standings.reassessRelated(RequestContext.system(), 'umbrella-corp.example', independent);
    expect(await standing()).toBe('corroborated');
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
