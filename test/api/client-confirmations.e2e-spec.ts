// A buyer organisation as the client named by case studies: it proves its domain (a member's
// confirmed address, or a TXT record on a real in-process DNS server), confirms one case study
// that names it and denies another; the answers become evidence, move the standing, enter the
// ledger, and the vendor replies to the denial. Every refusal leaves nothing behind.
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { TestDnsServer } from '../support/dns-server';
import { drainEvidence } from '../support/evidence-outbox';
import { ANSWER as ANSWER_REFERENCE, answerInput, mailedToken, SUBMIT } from '../support/ledger-flow';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const PROVE = `mutation($input: ProveOrganizationDomainInput!) { proveOrganizationDomain(input: $input) { id domain method verified txtRecordName txtRecordValue } }`;
const CHECK = `mutation($id: ID!) { checkOrganizationDomain(id: $id) { id domain method verified txtRecordName } }`;
const DOMAINS = `query($organizationId: ID!) { organizationDomains(organizationId: $organizationId) { domain verified method } }`;
const NAMING_US = `query($organizationId: ID!) { clientCaseStudies(organizationId: $organizationId) { caseStudy { id title vendorName client { displayName name } } answer { answer } } }`;
const ANSWER = `mutation($input: AnswerAsClientInput!) { answerAsClient(input: $input) { id answer organizationName note disputed vendorReply } }`;
const REPLY = `mutation($input: ReplyToClientAnswerInput!) { replyToClientAnswer(input: $input) { id vendorReply vendorRepliedAt } }`;
const PUBLIC_CASE_STUDY = `query($id: ID!) { caseStudy(id: $id) { client { displayName domainStanding { standing reason } } clientAnswer { answer organizationName note disputed vendorReply } } }`;
const SIGNALS = `query($vendorId: ID!) { vendorSignals(vendorId: $vendorId) { clientEndorsement { effectiveN } verifiedDelivery { effectiveN } } }`;

type Answer = { id: string; answer: string; organizationName: string; note: string; disputed: boolean; vendorReply: string | null };

describe('Client organisations confirm and deny case studies that name them (API e2e, real in-process DNS)', () => {
  let t: TestApp;
  let dns: TestDnsServer;
  let vendor: { client: GraphQLClient; vendorId: string };
  let buyer: GraphQLClient;
  let buyerOrgId: string;

  beforeAll(async () => {
    dns = await TestDnsServer.start({
      'northwind.example': { ns: ['ns1.northwind.example'], mx: ['mail.northwind.example'], soa: { mname: 'ns1.northwind.example', rname: 'hostmaster.northwind.example' } },
      'northwind-labs.example': { ns: ['ns1.northwind.example'], mx: [], soa: { mname: 'ns1.northwind.example', rname: 'hostmaster.northwind.example' } },
    });
    t = await createTestApp({ DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300' });
    vendor = await vendorWithOwner(t, 'owner@delta-partners.example', 'Delta Partners');
    buyer = await t.signedInClient({ email: 'ada@northwind.example' });
    buyerOrgId = (await buyer.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Northwind', kind: 'buyer' } })).data!.createOrganization.id;
  });
  afterAll(async () => {
    await t.close();
    await dns.stop();
  });

  async function submittedNaming(domain: string, title: string, anonymised = false): Promise<string> {
    const draft = await createDraft(vendor.client, vendor.vendorId, {
      title,
      client: { name: 'Northwind', domain, anonymised, descriptor: anonymised ? 'A European logistics company' : null },
      problem: 'Late deliveries and idle trucks.',
      approach: 'Route optimisation with a learned travel-time model.',
    });
    expect((await nominate(vendor.client, draft.id, `cto@${domain}`)).errors).toBeUndefined();
    expect((await vendor.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    return draft.id;
  }

  it('proves a domain at once from a member’s confirmed address, and another through a TXT record once it is published', async () => {
    const byEmail = await buyer.query<{ proveOrganizationDomain: { verified: boolean; method: string; txtRecordName: string | null } }>(PROVE, { input: { organizationId: buyerOrgId, domain: 'Northwind.example' } });
    expect(byEmail.errors).toBeUndefined();
    expect(byEmail.data?.proveOrganizationDomain).toMatchObject({ verified: true, method: 'member_email', txtRecordName: null });

    const pending = await buyer.query<{ proveOrganizationDomain: { id: string; verified: boolean; txtRecordName: string; txtRecordValue: string } }>(PROVE, { input: { organizationId: buyerOrgId, domain: 'northwind-labs.example' } });
    const claim = pending.data!.proveOrganizationDomain;
    expect(claim).toMatchObject({ verified: false, txtRecordName: '_assay-challenge.northwind-labs.example', txtRecordValue: expect.stringMatching(/^assay-verification=[A-Za-z0-9_-]{40,}$/) });

    // Not published yet: a clear refusal, and the domain stays pending.
    const early = await buyer.query(CHECK, { id: claim.id });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TXT_RECORD_NOT_FOUND' });
    expect(early.errors?.[0].message).toContain(claim.txtRecordValue);
    expect(await countRows(t.dataSource, 'organization_domains', `domain = 'northwind-labs.example' AND verified_at IS NOT NULL`)).toBe(0);

    dns.zones.set('_assay-challenge.northwind-labs.example', { txt: ['v=spf1 -all', claim.txtRecordValue] });
    const checked = await buyer.query<{ checkOrganizationDomain: { verified: boolean; method: string } }>(CHECK, { id: claim.id });
    expect(checked.data?.checkOrganizationDomain).toMatchObject({ verified: true, method: 'dns_txt' });

    const listed = await buyer.query<{ organizationDomains: Array<{ domain: string; verified: boolean }> }>(DOMAINS, { organizationId: buyerOrgId });
    expect(listed.data?.organizationDomains).toEqual([
      { domain: 'northwind-labs.example', verified: true, method: 'dns_txt' },
      { domain: 'northwind.example', verified: true, method: 'member_email' },
    ]);
  });

  it('refuses a domain another organisation proved, a vendor organisation, a non-owner and a free-mail domain, writing nothing', async () => {
    const rows = await countRows(t.dataSource, 'organization_domains');
    const rival = await t.signedInClient({ email: 'eve@rival-buyer.example' });
    const rivalOrg = (await rival.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Rival Buyer', kind: 'buyer' } })).data!.createOrganization.id;
    const taken = await rival.query(PROVE, { input: { organizationId: rivalOrg, domain: 'northwind.example' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOMAIN_CLAIMED' });

    const asVendor = await vendor.client.query(PROVE, { input: { organizationId: vendor.vendorId, domain: 'delta-partners.example' } });
    expect(asVendor.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_BUYER' });

    const outsider = await rival.query(PROVE, { input: { organizationId: buyerOrgId, domain: 'rival-buyer.example' } });
    expect(outsider.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });

    const freeMail = await rival.query(PROVE, { input: { organizationId: rivalOrg, domain: 'gmail.com' } });
    expect(freeMail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(freeMail.errors?.[0].extensions?.fields).toEqual([{ field: 'domain', message: expect.stringMatching(/free email provider/) }]);

    const unverified = await t.signedInClient({ email: 'new@rival-buyer.example', emailVerified: false });
    const refused = await unverified.query(CREATE_ORG, { input: { name: 'Unconfirmed Buyer', kind: 'buyer' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    expect(await countRows(t.dataSource, 'organization_domains')).toBe(rows);
  });

  it('confirms one case study that names it and denies another; the vendor replies to the denial', async () => {
    const confirmedId = await submittedNaming('northwind.example', 'Route optimisation for 300 trucks');
    const deniedId = await submittedNaming('northwind.example', 'Warehouse demand forecasting');

    const listed = await buyer.query<{ clientCaseStudies: Array<{ caseStudy: { id: string; vendorName: string }; answer: null }> }>(NAMING_US, { organizationId: buyerOrgId });
    expect(listed.data?.clientCaseStudies.map((c) => c.caseStudy.id).sort()).toEqual([confirmedId, deniedId].sort());
    expect(listed.data?.clientCaseStudies.every((c) => c.answer === null && c.caseStudy.vendorName === 'Delta Partners')).toBe(true);

    const confirmed = await buyer.query<{ answerAsClient: Answer }>(ANSWER, { input: { caseStudyId: confirmedId, organizationId: buyerOrgId, answer: 'worked_with' } });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.answerAsClient).toMatchObject({ answer: 'worked_with', organizationName: 'Northwind', disputed: false });

    // A denial needs a reason the vendor can answer.
    const bare = await buyer.query(ANSWER, { input: { caseStudyId: deniedId, organizationId: buyerOrgId, answer: 'did_not_work_with' } });
    expect(bare.errors?.[0].extensions?.fields).toEqual([{ field: 'note', message: expect.stringMatching(/at least 10 characters/) }]);
    const denied = await buyer.query<{ answerAsClient: Answer }>(ANSWER, {
      input: { caseStudyId: deniedId, organizationId: buyerOrgId, answer: 'did_not_work_with', note: 'We never hired Delta Partners for forecasting.' },
    });
    expect(denied.data?.answerAsClient).toMatchObject({ answer: 'did_not_work_with', disputed: true, vendorReply: null });

    // The standing follows the client's own word, and the public sees both answers.
    const pub = t.client();
    const confirmedView = await pub.query<{ caseStudy: { client: { domainStanding: { standing: string } }; clientAnswer: Answer } }>(PUBLIC_CASE_STUDY, { id: confirmedId });
    expect(confirmedView.data?.caseStudy.client.domainStanding.standing).toBe('confirmed');
    expect(confirmedView.data?.caseStudy.clientAnswer).toMatchObject({ answer: 'worked_with', organizationName: 'Northwind' });
    const deniedView = await pub.query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string } }; clientAnswer: Answer } }>(PUBLIC_CASE_STUDY, { id: deniedId });
    expect(deniedView.data?.caseStudy.client.domainStanding.standing).toBe('suspect');
    expect(deniedView.data?.caseStudy.clientAnswer).toMatchObject({ answer: 'did_not_work_with', note: 'We never hired Delta Partners for forecasting.', disputed: true });

    // Evidence: the ledger holds both answers, and the signals count the client organisation's word.
    expect(await countRows(t.dataSource, 'ledger_entries', `kind = 'client_answer'`)).toBe(2);
    await drainEvidence(t);
    const explained: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM vendor_signal_explanations e, jsonb_each(e.explanations->'items') s, jsonb_array_elements(s.value) i
        WHERE e.vendor_id = $1 AND i->>'kind' = 'client_organization'`,
      [vendor.vendorId],
    );
    expect(explained[0].n).toBeGreaterThan(0);

    // The vendor's right of reply: once, to a denial, by its members.
    const deniedAnswerId = denied.data!.answerAsClient.id;
    expect((await buyer.query(REPLY, { input: { answerId: deniedAnswerId, body: 'We were subcontracted through Globex in 2023.' } })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const reply = await vendor.client.query<{ replyToClientAnswer: { vendorReply: string; vendorRepliedAt: string } }>(REPLY, { input: { answerId: deniedAnswerId, body: 'We were subcontracted through Globex in 2023.' } });
    expect(reply.data?.replyToClientAnswer.vendorReply).toBe('We were subcontracted through Globex in 2023.');
    const again = await vendor.client.query(REPLY, { input: { answerId: deniedAnswerId, body: 'A second reply that should not be kept.' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REPLIED' });
    const toConfirmation = await vendor.client.query(REPLY, { input: { answerId: confirmed.data!.answerAsClient.id, body: 'Thank you, Northwind, it was a pleasure.' } });
    expect(toConfirmation.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DISPUTED' });
    expect((await pub.query<{ caseStudy: { clientAnswer: Answer } }>(PUBLIC_CASE_STUDY, { id: deniedId })).data?.caseStudy.clientAnswer.vendorReply).toBe('We were subcontracted through Globex in 2023.');

    // An answer is final.
    const rows = await countRows(t.dataSource, 'client_organization_answers');
    const twice = await buyer.query(ANSWER, { input: { caseStudyId: confirmedId, organizationId: buyerOrgId, answer: 'outcome_wrong', note: 'Changed our mind about the outcome.' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });
    expect(await countRows(t.dataSource, 'client_organization_answers')).toBe(rows);
  });

  it('refuses answers from anyone who cannot speak for the client, writing nothing', async () => {
    const id = await submittedNaming('northwind.example', 'Fleet maintenance prediction');
    const rows = await countRows(t.dataSource, 'client_organization_answers');
    const ledger = await countRows(t.dataSource, 'ledger_entries');

    // A buyer organisation that proved another domain: refused, without learning the client's domain.
    const other = await t.signedInClient({ email: 'bob@globex-buyer.example' });
    const otherOrg = (await other.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Globex Buyer', kind: 'buyer' } })).data!.createOrganization.id;
    expect((await other.query(PROVE, { input: { organizationId: otherOrg, domain: 'globex-buyer.example' } })).errors).toBeUndefined();
    const notTheirs = await other.query(ANSWER, { input: { caseStudyId: id, organizationId: otherOrg, answer: 'did_not_work_with', note: 'Never heard of this project at all.' } });
    expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DOMAIN_NOT_PROVEN' });
    expect(notTheirs.errors?.[0].message).not.toContain('northwind');

    // Answering for an organisation one is not a member of.
    const forNorthwind = await other.query(ANSWER, { input: { caseStudyId: id, organizationId: buyerOrgId, answer: 'worked_with' } });
    expect(forNorthwind.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });

    // The vendor answering for its own client through a buyer organisation it also belongs to.
    const sockPuppet = await t.signedInClient({ email: 'sock@northwind-labs.example' });
    const puppetOrg = (await sockPuppet.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Puppet Buyer', kind: 'buyer' } })).data!.createOrganization.id;
    await t.dataSource.query(`INSERT INTO organization_domains (organization_id, domain, method, txt_token, verified_at) VALUES ($1, 'puppet.example', 'dns_txt', 'x', now())`, [puppetOrg]);
    const vendorUser: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM users WHERE email = 'owner@delta-partners.example'`);
    await t.dataSource.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'member')`, [puppetOrg, vendorUser[0].id]);
    const puppetId = await submittedNaming('puppet.example', 'Self-confirmed success story');
    const selfConfirm = await sockPuppet.query(ANSWER, { input: { caseStudyId: puppetId, organizationId: puppetOrg, answer: 'worked_with' } });
    expect(selfConfirm.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONFLICT_OF_INTEREST' });

    // A vendor organisation, an unknown case study, and no session at all.
    const asVendor = await vendor.client.query(ANSWER, { input: { caseStudyId: id, organizationId: vendor.vendorId, answer: 'worked_with' } });
    expect(asVendor.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_BUYER' });
    const unknown = await buyer.query(ANSWER, { input: { caseStudyId: '00000000-0000-4000-8000-000000000000', organizationId: buyerOrgId, answer: 'worked_with' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.client().query(ANSWER, { input: { caseStudyId: id, organizationId: buyerOrgId, answer: 'worked_with' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Lists and domains are the organisation's own.
    expect((await other.query(NAMING_US, { organizationId: buyerOrgId })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect((await other.query(DOMAINS, { organizationId: buyerOrgId })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });

    expect(await countRows(t.dataSource, 'client_organization_answers')).toBe(rows);
    expect(await countRows(t.dataSource, 'ledger_entries')).toBe(ledger);
  });

  it('keeps an anonymised client anonymous: the public reads "The client organisation", the client sees its own name', async () => {
    const id = await submittedNaming('northwind.example', 'Anonymised routing project', true);
    expect((await buyer.query(ANSWER, { input: { caseStudyId: id, organizationId: buyerOrgId, answer: 'worked_with' } })).errors).toBeUndefined();
    const pub = await t.client().query<{ caseStudy: { client: { displayName: string }; clientAnswer: Answer } }>(PUBLIC_CASE_STUDY, { id });
    expect(pub.data?.caseStudy.client.displayName).toBe('A European logistics company');
    expect(pub.data?.caseStudy.clientAnswer.organizationName).toBe('The client organisation');
    const own = await buyer.query<{ clientCaseStudies: Array<{ caseStudy: { id: string; client: { name: string | null } } }> }>(NAMING_US, { organizationId: buyerOrgId });
    expect(own.data?.clientCaseStudies.find((c) => c.caseStudy.id === id)?.caseStudy.client.name).toBe('Northwind');
    const signals = await t.client().query<{ vendorSignals: { clientEndorsement: { effectiveN: number } } }>(SIGNALS, { vendorId: vendor.vendorId });
    expect(signals.errors).toBeUndefined();
  });
  it('confirms the client domain when a member of the organisation that proved it answers as a reference from their account', async () => {
    const id = await submittedNaming('northwind-labs.example', 'Forecasting for the labs');
    const before = await t.client().query<{ caseStudy: { client: { domainStanding: { standing: string } } } }>(PUBLIC_CASE_STUDY, { id });
    expect(before.data?.caseStudy.client.domainStanding.standing).not.toBe('confirmed');
    // The nominated contact (cto@northwind-labs.example) opens the emailed link while signed in as a member of Northwind.
    const token = await mailedToken(t, 'cto@northwind-labs.example', '/r/');
    const outcomeIds = (await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1`, [id])).map((r: { id: string }) => r.id);
    const answered = await buyer.query(ANSWER_REFERENCE, { token, input: answerInput(outcomeIds) });
    expect(answered.errors).toBeUndefined();
    const after = await t.client().query<{ caseStudy: { client: { domainStanding: { standing: string; reason: string } } } }>(PUBLIC_CASE_STUDY, { id });
    expect(after.data?.caseStudy.client.domainStanding).toEqual({
      standing: 'confirmed',
      reason: 'A member of Northwind, which proved it holds northwind-labs.example, answered as a reference from their account.',
    });
  });
});
