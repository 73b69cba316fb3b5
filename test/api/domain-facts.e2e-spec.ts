import { TestDnsServer } from '../support/dns-server';
import { TestRdapServer } from '../support/rdap-server';
import { SystemDomainFacts } from '../../apps/api/src/modules/identity/system-domain-facts';

describe(SystemDomainFacts.name, () => {
  let dns: TestDnsServer;
  let rdap: TestRdapServer;

  beforeAll(async () => {
    dns = await TestDnsServer.start({
      'fairwaytelecom.example': {
        ns: ['ns1.fairway-hosting.example', 'ns2.fairway-hosting.example'],
        mx: ['mail.fairwaytelecom.example'],
        soa: { mname: 'ns1.fairway-hosting.example', rname: 'hostmaster.fairwaytelecom.example' },
        txt: ['assay-verification=abc123'],
      },
      'empty.example': {},
    });
    rdap = await TestRdapServer.start({ 'fairwaytelecom.example': '2009-03-14T00:00:00Z' });
  });
  afterAll(async () => {
    await dns.stop();
    await rdap.stop();
  });

  const facts = (timeoutMs = 500) => new SystemDomainFacts({ dnsServers: [dns.address], dnsTimeoutMs: timeoutMs, rdapBaseUrl: rdap.url });

  it('reads name servers, mail exchangers and the SOA contact over real DNS', async () => {
    await expect(facts().dns('fairwaytelecom.example')).resolves.toEqual({
      status: 'ok',
      facts: {
        nameServers: ['ns1.fairway-hosting.example', 'ns2.fairway-hosting.example'],
        mailExchangers: ['mail.fairwaytelecom.example'],
        soa: { mname: 'ns1.fairway-hosting.example', rname: 'hostmaster.fairwaytelecom.example' },
      },
    });
  });

  it('reads TXT records, and answers an empty zone with empty facts', async () => {
    await expect(facts().txt('fairwaytelecom.example')).resolves.toEqual([['assay-verification=abc123']]);
    await expect(facts().dns('empty.example')).resolves.toEqual({ status: 'ok', facts: { nameServers: [], mailExchangers: [], soa: null } });
  });

  it('says unreachable, never all clear, when the server does not answer in time', async () => {
    dns.silent = true;
    try {
      await expect(facts(100).dns('fairwaytelecom.example')).resolves.toEqual({ status: 'unreachable' });
      await expect(facts(100).txt('fairwaytelecom.example')).resolves.toBeNull();
    } finally {
      dns.silent = false;
    }
  });

  it('caches answers: a second question is not asked again', async () => {
    const resolver = facts();
    const before = dns.questions.length;
    await resolver.dns('fairwaytelecom.example');
    const asked = dns.questions.length - before;
    await resolver.dns('fairwaytelecom.example');
    expect(dns.questions.length - before).toBe(asked);
  });

  it('reads the registration date from RDAP, null for an unknown domain or when RDAP is off', async () => {
    await expect(facts().registeredAt('fairwaytelecom.example')).resolves.toEqual(new Date('2009-03-14T00:00:00Z'));
    await expect(facts().registeredAt('unknown.example')).resolves.toBeNull();
    await expect(new SystemDomainFacts({ dnsServers: [dns.address], dnsTimeoutMs: 200, rdapBaseUrl: null }).registeredAt('fairwaytelecom.example')).resolves.toBeNull();
  });
});
