import { RequestContext } from '../../apps/api/src/common/request-context';
import { PasswordHasher } from '../../apps/api/src/modules/accounts/passwords';
import { UsersRepository } from '../../apps/api/src/modules/accounts/users.repository';
import { LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import { FollowUpsService } from '../../apps/api/src/modules/follow-ups/follow-ups.service';
import { caseStudyInput } from '../support/factories';
import { clientWithNewSession } from '../support/sessions';
import { GraphQLClient, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Fixtures for the authorization matrix (test/authz/matrix.json). A sample
 * document refers to a fixture value as `"$name.field"` (e.g. `"$vendorA.orgId"`);
 * the matrix test builds the fixture `name` on first use and substitutes it.
 *
 * - `run` fixtures are built once per test run and shared by every cell, so a
 *   cell must not change them in a way another cell could notice.
 * - `cell` fixtures are for anything a successful call consumes or changes (a
 *   single-use token, a draft that gets submitted, a reviewer who gets
 *   revoked): they are built afresh for every cell expected to be allowed, and
 *   once for all the cells expected to be refused (a refusal writes nothing).
 *   Mark one `dependsOnActor` when it differs by the acting role.
 *
 * The fixtures named like the roles (`buyer`, `vendorA`, ...) must return the
 * `userId` the cell acts as. Build everything through the real mutations (or,
 * where there is none, the real services) so fixtures stay valid as the rules
 * change. To cover a new operation, add one function here and refer to it.
 */
export type FixtureValues = Record<string, string | number>;

export interface FixtureContext {
  t: TestApp;
  /** The role the current cell acts as (`cell` fixtures only; `run` fixtures see `null`). */
  actor: string | null;
  /** A number unique to this build, for unique emails and names. */
  serial: number;
  /** Another fixture's values, building it first if needed. */
  get(name: string): Promise<FixtureValues>;
}

export interface Fixture {
  scope: 'run' | 'cell';
  /** A `cell` fixture built for the acting role (e.g. an invitation to their email). */
  dependsOnActor?: boolean;
  build(f: FixtureContext): Promise<FixtureValues>;
}

const run = (build: Fixture['build']): Fixture => ({ scope: 'run', build });
const cell = (build: Fixture['build'], options: { dependsOnActor?: boolean } = {}): Fixture => ({ scope: 'cell', build, ...options });

/** A client acting as `userId`, in a session of its own. */
export function as(f: FixtureContext, userId: string | number): Promise<GraphQLClient> {
  return clientWithNewSession(f.t, String(userId));
}

/** Runs a fixture-building operation and returns its data; a failure is a broken fixture, not a matrix result. */
export async function mutate<T = Record<string, unknown>>(client: GraphQLClient, document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await client.query<T>(document, variables);
  if (res.errors?.length || !res.data) throw new Error(`fixture operation failed: ${res.errors?.[0]?.message ?? 'no data'}\n${document}`);
  return res.data;
}

/** The token of the latest link mailed to `to` whose path starts with `linkPath` (the mail is the only place it exists). */
export async function mailedToken(t: TestApp, to: string, linkPath: string): Promise<string> {
  const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC`, [to]);
  const escaped = linkPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const row of rows) {
    const match = new RegExp(`${escaped}([A-Za-z0-9_-]{20,})`).exec(row.text_body);
    if (match) return match[1];
  }
  throw new Error(`no mail to ${to} with a ${linkPath} link`);
}

/** TEST_PASSWORD hashed once per run: argon2 is slow on purpose, and the matrix creates many accounts. */
const passwordHashes = new WeakMap<TestApp, Promise<string>>();

/** Creates an account through the real repository (the path of sign-up and the admin CLI, minus re-hashing). */
async function createUser(f: FixtureContext, email: string, platformRoles: Array<'admin' | 'reviewer'> = []): Promise<FixtureValues> {
  if (!passwordHashes.has(f.t)) passwordHashes.set(f.t, f.t.app.get(PasswordHasher).hash(TEST_PASSWORD));
  const passwordHash = await passwordHashes.get(f.t)!;
  // Fixture accounts have confirmed their address (as test accounts do by default).
  const user = await f.t.app.get(UsersRepository).insert(RequestContext.system(), { email, displayName: email.split('@')[0], passwordHash, platformRoles, emailVerifiedAt: new Date() });
  if (!user) throw new Error(`fixture account ${email} exists already`);
  return { userId: user.id, email, password: TEST_PASSWORD };
}

async function createOrganization(client: GraphQLClient, name: string, kind: 'vendor' | 'buyer'): Promise<string> {
  const data = await mutate<{ createOrganization: { id: string } }>(client, 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', { input: { name, kind } });
  return data.createOrganization.id;
}

/** Invites `email` to `orgId` as its owner would, and returns the emailed token. */
async function invite(f: FixtureContext, ownerId: string | number, orgId: string, email: string, role: 'owner' | 'member' = 'member'): Promise<string> {
  await mutate(await as(f, ownerId), 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', { input: { organizationId: orgId, email, role } });
  return mailedToken(f.t, email, '/invitations/accept?token=');
}

/** A plain member (not an owner) of a new vendor organization that someone else owns. */
async function vendorMember(f: FixtureContext, letter: 'a' | 'b'): Promise<FixtureValues> {
  const owner = await createUser(f, `owner-${letter}@vendor-${letter}.example`);
  const orgId = await createOrganization(await as(f, owner.userId), `Matrix Vendor ${letter.toUpperCase()}`, 'vendor');
  const member = await createUser(f, `member@vendor-${letter}.example`);
  const token = await invite(f, owner.userId, orgId, String(member.email));
  await mutate(await as(f, member.userId), 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }', { input: { token } });
  return { ...member, orgId, ownerId: owner.userId, ownerEmail: owner.email };
}

// Vendor A's case study at each step of its life, each built from the step before through the real mutations.

/** A draft of vendor A, written by its member. */
async function draftOfA(f: FixtureContext, overrides: Record<string, unknown> = {}): Promise<FixtureValues> {
  const vendorA = await f.get('vendorA');
  const data = await mutate<{ createCaseStudy: { id: string; version: number; outcomes: Array<{ id: string }> } }>(
    await as(f, vendorA.userId),
    'mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id version outcomes { id } } }',
    { input: caseStudyInput(String(vendorA.orgId), { title: `Matrix case study ${f.serial}`, ...overrides }) },
  );
  return { id: data.createCaseStudy.id, version: data.createCaseStudy.version, outcomeId: data.createCaseStudy.outcomes[0].id };
}

/** A draft of vendor A with one nominated client reference. */
async function draftWithReferenceOfA(f: FixtureContext, overrides: Record<string, unknown> = {}): Promise<FixtureValues> {
  const draft = await draftOfA(f, overrides);
  const contactEmail = `ref-${f.serial}@acme-retail.example`;
  const data = await mutate<{ nominateReference: { id: string } }>(
    await as(f, (await f.get('vendorA')).userId),
    'mutation($input: NominateReferenceInput!) { nominateReference(input: $input) { id } }',
    { input: { caseStudyId: draft.id, contactName: 'Jane Client', contactEmail, contactRole: 'Head of Data' } },
  );
  return { ...draft, referenceId: data.nominateReference.id, contactEmail };
}

/** Submitted: its reference was mailed a questionnaire link and a verification task is queued. */
async function submittedOfA(f: FixtureContext, overrides: Record<string, unknown> = {}): Promise<FixtureValues> {
  const draft = await draftWithReferenceOfA(f, overrides);
  await mutate(await as(f, (await f.get('vendorA')).userId), 'mutation($id: ID!) { submitCaseStudy(id: $id) { id } }', { id: draft.id });
  const tasks: Array<{ id: string }> = await f.t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1`, [draft.id]);
  return { ...draft, taskId: tasks[0].id, referenceToken: await mailedToken(f.t, String(draft.contactEmail), '/r/') };
}

// The buyer organisation as the client named by case studies.

/** The buyer's own domain, proven at once: its owner's confirmed address is at it. */
async function buyerDomain(f: FixtureContext): Promise<FixtureValues> {
  const buyer = await f.get('buyer');
  const data = await mutate<{ proveOrganizationDomain: { id: string; domain: string } }>(
    await as(f, buyer.userId),
    'mutation($input: ProveOrganizationDomainInput!) { proveOrganizationDomain(input: $input) { id domain } }',
    { input: { organizationId: buyer.orgId, domain: 'buyer.example' } },
  );
  return data.proveOrganizationDomain;
}

/** A submitted case study of vendor A that names the buyer's proven domain as its client. */
async function caseStudyNamingBuyer(f: FixtureContext): Promise<FixtureValues> {
  await f.get('buyerDomain');
  const vendorA = await f.get('vendorA');
  const client = await as(f, vendorA.userId);
  const draft = await mutate<{ createCaseStudy: { id: string } }>(client, 'mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }', {
    input: caseStudyInput(String(vendorA.orgId), { title: `Matrix client case study ${f.serial}`, client: { name: 'Matrix Buyer Co', domain: 'buyer.example', anonymised: false, descriptor: null } }),
  });
  const id = draft.createCaseStudy.id;
  await mutate(client, 'mutation($input: NominateReferenceInput!) { nominateReference(input: $input) { id } }', {
    input: { caseStudyId: id, contactName: 'Jane Client', contactEmail: `ref-${f.serial}@buyer.example`, contactRole: 'Head of Data' },
  });
  await mutate(client, 'mutation($id: ID!) { submitCaseStudy(id: $id) { id } }', { id });
  return { id };
}

/** The buyer denied a case study of vendor A that names it: a dispute vendor A may reply to. */
async function denialByBuyer(f: FixtureContext): Promise<FixtureValues> {
  const cs = await caseStudyNamingBuyer(f);
  const buyer = await f.get('buyer');
  const data = await mutate<{ answerAsClient: { id: string } }>(await as(f, buyer.userId), 'mutation($input: AnswerAsClientInput!) { answerAsClient(input: $input) { id } }', {
    input: { caseStudyId: cs.id, organizationId: buyer.orgId, answer: 'did_not_work_with', note: 'We never worked with vendor A.' },
  });
  return { caseStudyId: cs.id, answerId: data.answerAsClient.id };
}
/** A client that asked not to be named (the texts of caseStudyInput do not name it). */
const ANONYMISED_CLIENT = { client: { name: 'Acme Retail', domain: 'acme-retail.example', anonymised: true, descriptor: 'A European retailer' } };

/** An accredited reviewer of its own: a reviewer may record only a few verdicts per vendor a year. */
async function newReviewer(f: FixtureContext, label: string): Promise<FixtureValues> {
  const user = await createUser(f, `${label}-${f.serial}@reviews.example`);
  await mutate(await as(f, (await f.get('admin')).userId), 'mutation($email: String!) { accreditReviewer(email: $email) }', { email: user.email });
  return user;
}

/** Its reference answered the questionnaire (through the emailed link, without an account). */
async function answeredOfA(f: FixtureContext, overrides: Record<string, unknown> = {}): Promise<FixtureValues> {
  const submitted = await submittedOfA(f, overrides);
  await mutate(f.t.client(), 'mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }', {
    token: submitted.referenceToken,
    input: { outcomes: [{ outcomeClaimId: submitted.outcomeId, achieved: 'yes', observedValue: 22 }], inProduction: 'yes', handoverRating: 4, onTime: 4, onBudget: 3, communication: 5, wouldHireAgain: true, comments: 'Still in use.' },
  });
  return submitted;
}

/**
 * Offers a task to a named reviewer through the admin's `assignTask` (the draw is random; the
 * matrix needs to know who holds what). Refused for anyone who could not take it.
 */
async function assign(f: FixtureContext, taskId: string | number, reviewerId: string | number): Promise<void> {
  await mutate(await as(f, (await f.get('admin')).userId), 'mutation($taskId: ID!, $reviewerId: ID!) { assignTask(taskId: $taskId, reviewerId: $reviewerId) { id } }', { taskId, reviewerId });
}

/** Its verification task (after the reference answered), offered to and accepted by the `reviewer` role or by `reviewerId`. */
async function leasedOfA(f: FixtureContext, reviewerId?: string | number, overrides: Record<string, unknown> = {}): Promise<FixtureValues> {
  const submitted = await answeredOfA(f, overrides);
  const holder = reviewerId ?? (await f.get('reviewer')).userId;
  await assign(f, submitted.taskId, holder);
  await mutate(await as(f, holder), 'mutation($taskId: ID!) { claimTask(taskId: $taskId) { id } }', { taskId: submitted.taskId });
  return { ...submitted, reviewerId: holder };
}

/**
 * A submitted case study of vendor A whose task is offered to the acting role when they could take
 * it (a reviewer without a conflict); for anyone else the offer is refused and it stays with the draw.
 */
async function offeredToActorOfA(f: FixtureContext): Promise<FixtureValues> {
  const submitted = await submittedOfA(f);
  if (f.actor && f.actor !== 'anonymous') {
    await assign(f, submitted.taskId, (await f.get(f.actor)).userId).catch(() => undefined);
  }
  return submitted;
}

export function verdictInput(taskId: string | number, outcomeId: string | number): Record<string, unknown> {
  return {
    taskId,
    outcomes: [{ outcomeClaimId: outcomeId, result: 'verified', verifiedValue: 21.5 }],
    productionStatus: 'in_production',
    handover: 'client_alone',
    rubric: { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: true, monitoringInProduction: false, notes: '' },
    notes: 'Checked the evaluation notebook.',
    conflictDeclaration: 'None.',
    noConflictOfInterest: true,
  };
}

/** Verified by the verdict of a reviewer of its own (not the `reviewer` role). */
async function verifiedOfA(f: FixtureContext): Promise<FixtureValues> {
  const reviewer = await newReviewer(f, 'verdict-reviewer');
  const leased = await leasedOfA(f, reviewer.userId);
  const data = await mutate<{ submitVerdict: { id: string } }>(
    await as(f, reviewer.userId),
    'mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id } }',
    { input: verdictInput(leased.taskId, leased.outcomeId) },
  );
  return { ...leased, verdictId: data.submitVerdict.id };
}

/** Its verdict disputed by vendor A's member. */
async function disputedOfA(f: FixtureContext): Promise<FixtureValues> {
  const verified = await verifiedOfA(f);
  const data = await mutate<{ disputeVerdict: { id: string } }>(
    await as(f, (await f.get('vendorA')).userId),
    'mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }',
    { input: { verdictId: verified.verdictId, reason: 'The reviewer compared against the wrong baseline period.' } },
  );
  return { ...verified, disputeId: data.disputeVerdict.id };
}

/** A +6-month follow-up of the verified case study, mailed to its reference (as the scheduled job does). */
async function followUpOfA(f: FixtureContext): Promise<FixtureValues> {
  const verified = await verifiedOfA(f);
  await f.t.app.get(FollowUpsService).sendDue(new Date(Date.now() + 400 * 86_400_000));
  return { ...verified, followUpToken: await mailedToken(f.t, String(verified.contactEmail), '/f/') };
}

/** An evidence link on a draft of vendor A. */
async function evidenceOfA(f: FixtureContext): Promise<FixtureValues> {
  const draft = await draftOfA(f);
  const data = await mutate<{ addEvidenceLink: { id: string } }>(
    await as(f, (await f.get('vendorA')).userId),
    'mutation($input: AddEvidenceLinkInput!) { addEvidenceLink(input: $input) { id } }',
    { input: { caseStudyId: draft.id, title: 'Evaluation notebook', url: 'https://acme-retail.example/notebook' } },
  );
  return { ...draft, evidenceId: data.addEvidenceLink.id };
}

/** A pending email-domain claim of vendor A, with its emailed verification token. */
async function domainClaimOfA(f: FixtureContext): Promise<FixtureValues> {
  const email = `it@vendor-a-${f.serial}.example`;
  const data = await mutate<{ addVendorDomain: { id: string } }>(
    await as(f, (await f.get('vendorA')).userId),
    'mutation($input: AddVendorDomainInput!) { addVendorDomain(input: $input) { id } }',
    { input: { vendorId: (await f.get('vendorA')).orgId, email },
  });
  return { id: data.addVendorDomain.id, token: await mailedToken(f.t, email, '/vendor-domains/verify?token=') };
}

/** One engagement on vendor A's client roster. */
async function rosterEntryOfA(f: FixtureContext): Promise<FixtureValues> {
  const vendorA = await f.get('vendorA');
  const client = await as(f, vendorA.userId);
  const domain = `roster-${f.serial}.example`;
  const csv = ['client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on', `Roster Client ${f.serial},${domain},Pat Contact,pat@${domain},2023-01-01,2023-06-30`].join('\n');
  await mutate(client, 'mutation($input: ImportRosterInput!) { importRoster(input: $input) { imported } }', { input: { vendorId: vendorA.orgId, csv } });
  const rows: Array<{ id: string }> = await f.t.dataSource.query(`SELECT id FROM roster_entries WHERE client_domain = $1`, [domain]);
  return { id: rows[0].id };
}

/** The ledger with entries and two signed tree heads (as the publishing job makes them). */
async function signedLedger(f: FixtureContext): Promise<FixtureValues> {
  const ledger = f.t.app.get(LedgerService);
  await verifiedOfA(f);
  const first = await ledger.publishCheckpoint();
  const draft = await draftOfA(f);
  await mutate(await as(f, (await f.get('vendorA')).userId), 'mutation($id: ID!) { withdrawCaseStudy(id: $id) { id } }', { id: draft.id });
  const second = await ledger.publishCheckpoint();
  return { index: 0, from: first.treeSize, to: second.treeSize, treeSize: second.treeSize };
}

/** A shortlist of the buyer's organization with vendor A on it. */
async function shortlistOfBuyer(f: FixtureContext): Promise<FixtureValues> {
  const buyer = await f.get('buyer');
  const client = await as(f, buyer.userId);
  const list = await mutate<{ createShortlist: { id: string } }>(client, 'mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { id } }', {
    input: { organizationId: buyer.orgId, name: `Forecasting partners ${f.serial}` },
  });
  const item = await mutate<{ addToShortlist: { id: string } }>(client, 'mutation($input: AddToShortlistInput!) { addToShortlist(input: $input) { id } }', {
    input: { shortlistId: list.createShortlist.id, vendorId: (await f.get('vendorA')).orgId, note: 'Strong on retail.' },
  });
  return { id: list.createShortlist.id, itemId: item.addToShortlist.id };
}

export const FIXTURES: Record<string, Fixture> = {
  // The roles the matrix acts as.

  /** Owner of a buyer organization. */
  buyer: run(async (f) => {
    const user = await createUser(f, 'buyer@buyer.example');
    const orgId = await createOrganization(await as(f, user.userId), 'Matrix Buyer Co', 'buyer');
    return { ...user, orgId };
  }),
  /** A plain member of vendor A (owned by `ownerId`). */
  vendorA: run((f) => vendorMember(f, 'a')),
  /** A plain member of vendor B (owned by `ownerId`). */
  vendorB: run((f) => vendorMember(f, 'b')),
  /** An accredited reviewer, accredited by the admin through the real mutation. */
  reviewer: run(async (f) => {
    const user = await createUser(f, 'reviewer@reviews.example');
    const admin = await f.get('admin');
    await mutate(await as(f, admin.userId), 'mutation($email: String!) { accreditReviewer(email: $email) }', { email: user.email });
    return user;
  }),
  /**
   * An accredited reviewer whose confirmed address is at acme-retail.example, the client every
   * case study of vendor A names (caseStudyInput): conflicted with all of vendor A's work.
   */
  conflictedReviewer: run(async (f) => {
    const user = await createUser(f, 'conflicted@acme-retail.example');
    const admin = await f.get('admin');
    await mutate(await as(f, admin.userId), 'mutation($email: String!) { accreditReviewer(email: $email) }', { email: user.email });
    return user;
  }),
  admin: run((f) => createUser(f, 'admin@assay.example', ['admin'])),

  // Accounts and organizations.

  /** Fresh names and addresses nobody has used. */
  unique: cell(async (f) => ({ email: `cell-${f.serial}@unique.example`, name: `Matrix Org ${f.serial}` })),
  /** An account to sign in as (its own, so sign-in limits of the roles are untouched). */
  signInTarget: run((f) => createUser(f, 'sign-in-target@example.com')),
  /** An account that exists and holds no role. */
  someAccount: cell((f) => createUser(f, `account-${f.serial}@example.com`)),
  /** An accredited reviewer other than the `reviewer` role (for cells that revoke one). */
  spareReviewer: cell((f) => newReviewer(f, 'spare-reviewer')),
  /** Owns the organizations that invitations come from. */
  host: run((f) => createUser(f, 'host@host.example')),
  /** An invitation addressed to the acting role's own email, to a new buyer organization. */
  invitationToActor: cell(async (f) => {
    const host = await f.get('host');
    const orgId = await createOrganization(await as(f, host.userId), `Matrix Host ${f.serial}`, 'buyer');
    const email = f.actor && f.actor !== 'anonymous' ? String((await f.get(f.actor)).email) : `nobody-${f.serial}@example.com`;
    return { token: await invite(f, host.userId, orgId, email), orgId };
  }, { dependsOnActor: true }),
  /** An invitation addressed to vendor A's member, to a new buyer organization. */
  invitationToVendorA: cell(async (f) => {
    const host = await f.get('host');
    const orgId = await createOrganization(await as(f, host.userId), `Matrix Host ${f.serial}`, 'buyer');
    return { token: await invite(f, host.userId, orgId, String((await f.get('vendorA')).email)), orgId };
  }),

  // Vendor A's case studies. `shared…` ones are built once, for cells that only read.

  draftOfA: cell(draftOfA),
  sharedDraftOfA: run(draftOfA),
  draftWithReferenceOfA: cell(draftWithReferenceOfA),
  submittedOfA: cell(submittedOfA),
  /** Its task offered to the acting role, when they are a reviewer who may take it. */
  offeredToActorOfA: cell(offeredToActorOfA, { dependsOnActor: true }),
  sharedSubmittedOfA: run(submittedOfA),
  leasedOfA: cell((f) => leasedOfA(f)),
  sharedLeasedOfA: run((f) => leasedOfA(f)),
  verifiedOfA: cell(verifiedOfA),
  // An anonymised case study's task, claimed by the \`reviewer\` role, or by a reviewer of its own.
  anonymisedLeasedOfA: cell((f) => leasedOfA(f, undefined, ANONYMISED_CLIENT)),
  anonymisedLeasedByOtherOfA: cell(async (f) => leasedOfA(f, (await newReviewer(f, 'other-holder')).userId, ANONYMISED_CLIENT)),
  sharedAnonymisedLeasedOfA: run((f) => leasedOfA(f, undefined, ANONYMISED_CLIENT)),
  sharedVerifiedOfA: run(verifiedOfA),
  disputedOfA: cell(disputedOfA),
  followUpOfA: cell(followUpOfA),
  sharedFollowUpOfA: run(followUpOfA),
  evidenceOfA: cell(evidenceOfA),
  domainClaimOfA: cell(domainClaimOfA),
  rosterEntryOfA: cell(rosterEntryOfA),
  signedLedger: run(signedLedger),

  // The buyer as a client organisation.

  /** A domain name nobody has claimed. */
  uniqueDomain: cell(async (f) => ({ domain: `matrix-${f.serial}.example` })),
  buyerDomain: run(buyerDomain),
  caseStudyNamingBuyer: cell(caseStudyNamingBuyer),
  denialByBuyer: cell(denialByBuyer),

  // Buyers' shortlists.

  shortlistOfBuyer: cell(shortlistOfBuyer),
  sharedShortlistOfBuyer: run(shortlistOfBuyer),
};

/** Builds the named fixtures once each (`cell` ones too): a populated world for tests that are not the matrix, such as the fuzzer. */
export async function buildFixtures(t: TestApp, names: string[]): Promise<Record<string, FixtureValues>> {
  const cache = new Map<string, Promise<FixtureValues>>();
  let serial = 10_000;
  const context = (): FixtureContext => ({
    t,
    actor: null,
    serial: ++serial,
    get: (name) => {
      const fixture = FIXTURES[name];
      if (!fixture) throw new Error(`Unknown fixture "${name}"`);
      let built = cache.get(name);
      if (!built) {
        built = fixture.build(context());
        cache.set(name, built);
      }
      return built;
    },
  });
  const built: Record<string, FixtureValues> = {};
  for (const name of names) built[name] = await context().get(name);
  return built;
}
