import fc from 'fast-check';
import { assessClientDomain, type ClientDomainFacts, type DnsLookup, lookAlikeBucketKey, lookAlikeKind, sharedInfrastructureHosts, sharesInfrastructure } from '../client-domain-standing';

const T0 = new Date('2024-01-01T00:00:00Z');
const LATER = new Date('2025-01-01T00:00:00Z');
const ok = (nameServers: string[], mailExchangers: string[] = [], rname = 'hostmaster.example'): DnsLookup => ({
  status: 'ok',
  facts: { nameServers, mailExchangers, soa: { mname: nameServers[0] ?? 'ns.example', rname } },
});

function facts(overrides: Partial<ClientDomainFacts> = {}): ClientDomainFacts {
  return {
    domain: 'northwind.example',
    firstSeenAt: LATER,
    projectStartedAt: new Date('2024-06-01T00:00:00Z'),
    vendorDomains: [{ domain: 'deepvendor.example', dns: ok(['ns1.deepvendor-dns.example', 'ns2.deepvendor-dns.example'], ['mx.deepvendor.example']) }],
    dns: ok(['ns1.northwind-hosting.example'], ['mail.northwind.example'], 'admin.northwind.example'),
    registeredAt: null,
    knownDomains: [],
    independentVendorCount: 0,
    clientOrganization: null,
    accountReferenceFrom: null,
    ...overrides,
  };
}

describe(lookAlikeKind.name, () => {
  it.each([
    ['fairway-telecom.example', 'fairwaytelecom.example', 'hyphen'],
    ['fairwaytelecom.co.uk', 'fairwaytelecom.example', 'other_public_suffix'],
    ['fairwaytelecmo.example', 'fairwaytelecom.example', 'swapped_letters'],
    ['fairwaytelecomm.example', 'fairwaytelecom.example', 'doubled_letter'],
    ['fairwaytelecorn.example', 'fairwaytelecom.example', 'confusable'],
    ['xn--fairwytelecom-xwl.example', 'fairwaytelecom.example', null],
    [`f\u0430irwaytelecom.example`, 'fairwaytelecom.example', 'confusable'],
    ['eu.fairwaytelecom.example', 'fairwaytelecom.example', null],
    ['northwind.example', 'fairwaytelecom.example', null],
  ])('%s against %s: %s', (a, b, kind) => {
    expect(lookAlikeKind(a, b)).toBe(kind);
  });

  it('property: a domain never imitates itself, and the relation is symmetric', () => {
    const label = fc.stringMatching(/^[a-z]{3,10}(-[a-z]{2,6})?$/);
    fc.assert(
      fc.property(label, label, fc.constantFrom('example', 'com', 'co.uk'), (a, b, tld) => {
        expect(lookAlikeKind(`${a}.${tld}`, `${a}.${tld}`)).toBeNull();
        expect(lookAlikeKind(`${a}.${tld}`, `${b}.${tld}`)).toBe(lookAlikeKind(`${b}.${tld}`, `${a}.${tld}`));
      }),
    );
  });
});

describe(lookAlikeBucketKey.name, () => {
  it('property: every look-alike shares its bucket key with the original', () => {
    const label = fc.stringMatching(/^[a-z]{3,12}$/);
    const edits = (name: string, i: number): string[] => {
      const k = i % name.length;
      const swapped = k + 1 < name.length ? name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2) : name;
      return [name.slice(0, k) + '-' + name.slice(k), swapped, name.slice(0, k) + name[k] + name.slice(k), name.replace(/m/g, 'rn')];
    };
    fc.assert(
      fc.property(label, fc.nat(), (name, i) => {
        for (const other of [...edits(name, i).map((e) => `${e}.example`), `${name}.co.uk`]) {
          if (lookAlikeKind(other, `${name}.example`) !== null) expect(lookAlikeBucketKey(other)).toBe(lookAlikeBucketKey(`${name}.example`));
        }
      }),
    );
  });

  it('gives a homoglyph the original’s key', () => {
    expect(lookAlikeBucketKey('f\u0430irwaytelecom.example')).toBe(lookAlikeBucketKey('fairwaytelecom.example'));
  });
});

describe(assessClientDomain.name, () => {
  it('is unconfirmed when seen only with this vendor and nothing is against it', () => {
    expect(assessClientDomain(facts())).toMatchObject({ standing: 'unconfirmed', dnsChecked: true, reasons: [expect.objectContaining({ code: 'SEEN_ONLY_WITH_THIS_VENDOR' })] });
  });

  it('is suspect when it resembles a client domain Assay knew first, in a sentence a buyer understands', () => {
    const result = assessClientDomain(
      facts({ domain: 'fairway-telecom.example', knownDomains: [{ domain: 'fairwaytelecom.example', kind: 'client_of_other_vendor', firstSeenAt: T0 }] }),
    );
    expect(result.standing).toBe('suspect');
    expect(result.reason).toBe('The client domain fairway-telecom.example resembles fairwaytelecom.example, a domain another client uses.');
  });

  it('does not mark a look-alike suspect when independent vendors name it too (a real, separate organisation)', () => {
    const result = assessClientDomain(
      facts({ domain: 'fairway-telecom.example', independentVendorCount: 1, knownDomains: [{ domain: 'fairwaytelecom.example', kind: 'client_of_other_vendor', firstSeenAt: T0 }] }),
    );
    expect(result.standing).toBe('corroborated');
  });

  it('does not mark the original suspect because an imitation of it appeared later', () => {
    const result = assessClientDomain(
      facts({ domain: 'fairwaytelecom.example', firstSeenAt: T0, knownDomains: [{ domain: 'fairway-telecom.example', kind: 'client_of_other_vendor', firstSeenAt: LATER }] }),
    );
    expect(result.standing).toBe('unconfirmed');
  });

  it('is suspect when it imitates a buyer organisation’s proven domain, whenever it was seen', () => {
    const result = assessClientDomain(
      facts({ domain: 'acme-retail.example', firstSeenAt: T0, knownDomains: [{ domain: 'acmeretail.example', kind: 'buyer', ownerName: 'Acme Retail', firstSeenAt: LATER }] }),
    );
    expect(result).toMatchObject({ standing: 'suspect', reason: expect.stringContaining('the domain of Acme Retail, a buyer organisation on Assay') });
  });

  it('is suspect when its name servers are the vendor’s', () => {
    const result = assessClientDomain(facts({ dns: ok(['ns1.deepvendor-dns.example']) }));
    expect(result).toMatchObject({ standing: 'suspect', reasons: [expect.objectContaining({ code: 'SHARES_DNS_WITH_VENDOR' })] });
    expect(result.reason).toContain('same name servers (ns1.deepvendor-dns.example) as the vendor’s own domain deepvendor.example');
  });

  it('is suspect when its mail goes to a host inside the vendor’s domain, or its SOA contact is the vendor’s', () => {
    expect(assessClientDomain(facts({ dns: ok(['ns.other.example'], ['mx2.deepvendor.example']) })).standing).toBe('suspect');
    const vendorSoa: DnsLookup = { status: 'ok', facts: { nameServers: ['a.example'], mailExchangers: [], soa: { mname: 'a.example', rname: 'dns-admin.vendorops.example' } } };
    const clientSoa: DnsLookup = { status: 'ok', facts: { nameServers: ['b.example'], mailExchangers: [], soa: { mname: 'b.example', rname: 'dns-admin.vendorops.example' } } };
    expect(assessClientDomain(facts({ vendorDomains: [{ domain: 'deepvendor.example', dns: vendorSoa }], dns: clientSoa })).reasons[0].sentence).toContain('DNS administrator contact');
  });

  it('ignores shared providers: both on Cloudflare and Google mail is not control', () => {
    const vendor = ok(['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], ['aspmx.l.google.com'], 'dns.cloudflare.com');
    const client = ok(['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], ['aspmx.l.google.com'], 'dns.cloudflare.com');
    expect(assessClientDomain(facts({ vendorDomains: [{ domain: 'deepvendor.example', dns: vendor }], dns: client })).standing).toBe('unconfirmed');
  });

  it('treats a host that serves three unrelated organisations as a shared provider', () => {
    const host = ok(['ns1.smallhost.example']);
    const shared = sharedInfrastructureHosts([
      { owner: 'a', dns: host },
      { owner: 'b', dns: host },
      { owner: 'c', dns: host },
      { owner: 'd', dns: ok(['ns1.deepvendor-dns.example']) },
    ]);
    expect([...shared]).toEqual(['ns1.smallhost.example', 'hostmaster.example']);
    const vendor = [{ domain: 'deepvendor.example', dns: host }];
    expect(assessClientDomain(facts({ vendorDomains: vendor, dns: host, sharedHosts: shared })).standing).toBe('unconfirmed');
    expect(assessClientDomain(facts({ vendorDomains: vendor, dns: host })).standing).toBe('suspect');
  });

  it('is suspect when registered after the project began, corroborated when more than a year before', () => {
    expect(assessClientDomain(facts({ registeredAt: new Date('2024-07-01T00:00:00Z') }))).toMatchObject({ standing: 'suspect', reason: expect.stringContaining('registered on 2024-07-01, after the project') });
    expect(assessClientDomain(facts({ registeredAt: new Date('2010-07-01T00:00:00Z') }))).toMatchObject({ standing: 'corroborated' });
  });

  it('is corroborated when independent vendors name it too', () => {
    expect(assessClientDomain(facts({ independentVendorCount: 2 }))).toMatchObject({ standing: 'corroborated', reason: expect.stringContaining('2 other, independent vendors') });
  });

  it('is confirmed by the client organisation, and suspect when it denies', () => {
    expect(assessClientDomain(facts({ clientOrganization: { name: 'Northwind', answer: 'worked_with' } })).standing).toBe('confirmed');
    expect(assessClientDomain(facts({ accountReferenceFrom: 'Northwind' })).standing).toBe('confirmed');
    expect(assessClientDomain(facts({ clientOrganization: { name: 'Northwind', answer: 'did_not_work_with' } }))).toMatchObject({ standing: 'suspect', reasons: [expect.objectContaining({ code: 'DENIED_BY_CLIENT' })] });
  });

  it('says "not checked", never confirmed, when DNS does not answer', () => {
    const result = assessClientDomain(facts({ dns: { status: 'unreachable' }, clientOrganization: { name: 'Northwind', answer: 'worked_with' } }));
    expect(result).toMatchObject({ standing: 'unconfirmed', dnsChecked: false, reasons: [expect.objectContaining({ code: 'DNS_NOT_CHECKED' }), expect.anything()] });
    expect(result.reason).toContain('not checked');
  });

  it('property: any evidence against the domain makes it suspect, whatever speaks for it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.boolean(), (independent, confirmedByOrg, dnsUp) => {
        const result = assessClientDomain(
          facts({
            domain: 'fairway-telecom.example',
            registeredAt: new Date('2024-07-01T00:00:00Z'),
            knownDomains: [{ domain: 'fairwaytelecom.example', kind: 'client_of_other_vendor', firstSeenAt: T0 }],
            independentVendorCount: independent,
            clientOrganization: confirmedByOrg ? { name: 'Fairway', answer: 'worked_with' } : null,
            dns: dnsUp ? ok(['ns.x.example']) : { status: 'unreachable' },
          }),
        );
        expect(result.standing).toBe('suspect');
      }),
    );
  });

  it('property: an unreachable DNS never yields confirmed or corroborated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2026-01-01'), noInvalidDate: true })), (independent, confirmed, registeredAt) => {
        const result = assessClientDomain(facts({ dns: { status: 'unreachable' }, independentVendorCount: independent, registeredAt, accountReferenceFrom: confirmed ? 'Northwind' : null }));
        expect(['unconfirmed', 'suspect']).toContain(result.standing);
        expect(result.dnsChecked).toBe(false);
      }),
    );
  });

  describe('sharesInfrastructure (a second vendor on the same servers is the same controller)', () => {
    const ours = [{ domain: 'shady-vendor.example', dns: ok(['ns1.shady-ops.example'], ['mx.shady-ops.example'], 'hostmaster.shady-ops.example') }];
    it('finds own name servers, mail servers or DNS contact in common', () => {
      expect(sharesInfrastructure(ours, [{ domain: 'sock-vendor.example', dns: ok(['ns1.shady-ops.example']) }])).toBe(true);
      expect(sharesInfrastructure(ours, [{ domain: 'sock-vendor.example', dns: ok(['ns9.other.example'], ['mx.shady-ops.example']) }])).toBe(true);
      expect(sharesInfrastructure(ours, [{ domain: 'sock-vendor.example', dns: ok(['ns9.other.example'], [], 'hostmaster.shady-ops.example') }])).toBe(true);
    });
    it('does not count a shared provider, another vendor’s own servers, or a vendor whose DNS did not answer', () => {
      const hosted = [{ domain: 'a-vendor.example', dns: ok(['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], [], 'hostmaster.a-vendor.example') }];
      expect(sharesInfrastructure(hosted, [{ domain: 'b-vendor.example', dns: ok(['ada.ns.cloudflare.com'], [], 'hostmaster.b-vendor.example') }])).toBe(false);
      expect(sharesInfrastructure(ours, [{ domain: 'honest-vendor.example', dns: ok(['ns1.honest-vendor.example'], ['mail.honest-vendor.example'], 'hostmaster.honest-vendor.example') }])).toBe(false);
      expect(sharesInfrastructure(ours, [{ domain: 'sock-vendor.example', dns: { status: 'unreachable' } }])).toBe(false);
      expect(sharesInfrastructure(ours, [])).toBe(false);
    });
  });
});
