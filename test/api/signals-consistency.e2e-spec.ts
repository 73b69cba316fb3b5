import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { ReferenceChecksService } from '../../apps/api/src/modules/references/reference-checks.service';
import { SignalsService } from '../../apps/api/src/modules/signals/signals.service';
import { VendorEvidenceRepository } from '../../apps/api/src/modules/signals/vendor-evidence.repository';
import { FollowUpsService } from '../../apps/api/src/modules/follow-ups/follow-ups.service';
import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import { comparableSignalsRow as comparable } from '../../tools/shared/signals-comparison';
import { waitForEvidenceDrained } from '../support/evidence-outbox';
import { caseStudyInput, createDraft, nominate, vendorWithOwner } from '../support/factories';
import { linkToken } from '../support/smtp';
import { createTestApp, GraphQLClient, GraphQLResponse, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Signals are refreshed incrementally: the vendor in the transaction of every fact, the vendors
 * that depend on it by the evidence-outbox drain job. This suite drives random sequences of real
 * events through the GraphQL API (and the two jobs that change evidence: reference expiry and
 * follow-up sending), waits for the app's own drain job to empty the outbox, then checks that
 * every stored `vendor_signals` row and its explanations equal a from-scratch computation at
 * the row's own instant — and that a full recompute (in-process and through the CLI) keeps it so.
 */

const SEED = 20_261_201;
const RUNS = 6;
const root = path.resolve(__dirname, '../..');
/** Refusals with a reason are expected (a reviewer at their limit, a dispute on a resolved verdict…); server errors are not. */
const TYPED_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

const CLIENT_DOMAIN = 'acme-retail.example';
/** Contacts nominated by every vendor of a run (shared contacts are an integrity signal): client domain, free-mail, unknown domain. */
const NOMINEES = [`pat@${CLIENT_DOMAIN}`, `lee@${CLIENT_DOMAIN}`, 'sam.client@gmail.com', 'kim@northwind-ops.example'];
const SHARED_ROSTER = [`dana@${CLIENT_DOMAIN}`, `eli@${CLIENT_DOMAIN}`];

const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`;
const QUESTIONNAIRE = `query($token: String!) { referenceQuestionnaire(token: $token) { outcomes { id } } }`;
const ANSWER = `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`;
const DECLINE = `mutation($token: String!) { declineReference(token: $token, reason: "I moved on") }`;
const CLAIM = `mutation($taskId: ID!) { claimTask(taskId: $taskId) { id caseStudy { outcomes { id baselineValue claimedValue direction } } } }`;
const VERDICT = `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id } }`;
const SPOT_CHECK = `mutation($id: ID!) { requireSpotCheck(caseStudyId: $id) }`;
const DISPUTE = `mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`;
const RESOLVE = `mutation($input: ResolveDisputeInput!) { resolveDispute(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCaseStudy(id: $id) { id } }`;
const AFFILIATE = `mutation($input: AffiliationInput!) { declareAffiliation(input: $input) { id } }`;
const FOLLOW_UP = `mutation($token: String!, $still: Boolean!) { answerFollowUp(token: $token, stillInProduction: $still) }`;

type Achieved = 'yes' | 'partly' | 'no' | 'cant_say';
type OutcomeResult = 'verified' | 'partially_verified' | 'refuted' | 'unverifiable';
type Handover = 'client_alone' | 'joint' | 'vendor';

type Event =
  | { kind: 'submit'; vendor: number; nominees: number[]; selfReference: boolean; twoOutcomes: boolean; pocOnly: boolean }
  | { kind: 'answer'; pick: number; hire: boolean; handover: number | null; achieved: Achieved; inProduction: 'yes' | 'no' | 'dont_know' }
  | { kind: 'decline'; pick: number }
  | { kind: 'expire'; pick: number }
  | { kind: 'verdict'; pick: number; reviewer: number; results: Array<{ result: OutcomeResult; share: number }>; handover: Handover }
  | { kind: 'spotCheck'; pick: number }
  | { kind: 'dispute'; pick: number }
  | { kind: 'resolve'; pick: number; amend: boolean; result: OutcomeResult; share: number }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'affiliate'; reviewer: number; vendor: number }
  | { kind: 'followUpsDue' }
  | { kind: 'answerFollowUp'; pick: number; still: boolean };

const pick = fc.nat(50);
const result = fc.constantFrom<OutcomeResult>('verified', 'verified', 'partially_verified', 'refuted', 'unverifiable');
/** Verified share of the claimed improvement, in whole percent (up to over-delivery). */
const share = fc.integer({ min: 0, max: 120 }).map((p) => p / 100);
const handover = fc.constantFrom<Handover>('client_alone', 'joint', 'vendor');

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), vendor: fc.nat(2), nominees: fc.subarray([0, 1, 2, 3]), selfReference: fc.boolean(), twoOutcomes: fc.boolean(), pocOnly: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick,
      hire: fc.boolean(),
      handover: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      achieved: fc.constantFrom<Achieved>('yes', 'partly', 'no', 'cant_say'),
      inProduction: fc.constantFrom('yes' as const, 'no' as const, 'dont_know' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decline' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const), pick }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('verdict' as const), pick, reviewer: fc.nat(2), results: fc.array(fc.record({ result, share }), { minLength: 2, maxLength: 2 }), handover }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spotCheck' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dispute' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), pick, amend: fc.boolean(), result, share }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('affiliate' as const), reviewer: fc.nat(2), vendor: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('followUpsDue' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('answerFollowUp' as const), pick, still: fc.boolean() }) },
);

/** A refusal with a reason is fine; anything else (a server error above all) fails the run. */
function accepted(res: GraphQLResponse, what: string): boolean {
  if (!res.errors) return true;
  const code = res.errors[0].extensions?.code ?? '';
  if (!TYPED_CODES.has(code)) throw new Error(`${what} failed with ${code}: ${res.errors[0].message}`);
  return false;
}

/** The value the reviewer verified for a share of the claimed improvement. */
function valueAtShare(outcome: { baselineValue: number; claimedValue: number }, fraction: number): number {
  return Math.round((outcome.baselineValue + (outcome.claimedValue - outcome.baselineValue) * fraction) * 100) / 100;
}

function verdictOutcomes(outcomes: Array<{ id: string; baselineValue: number; claimedValue: number }>, results: Array<{ result: OutcomeResult; share: number }>) {
  return outcomes.map((o, i) => {
    const r = results[i % results.length];
    return { outcomeClaimId: o.id, result: r.result, verifiedValue: r.result === 'unverifiable' ? null : valueAtShare(o, r.share) };
  });
}

const RUBRIC = { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: null, monitoringInProduction: false, notes: '' };

describe('Signals consistency: incremental refresh = full recompute (API e2e)', () => {
  let t: TestApp;
  let admin: GraphQLClient;
  let reviewers: GraphQLClient[];
  let signals: SignalsService;
  const system = RequestContext.system();

  beforeAll(async () => {
    // With job workers: the outbox drain runs as it does in production.
    t = await createTestApp({}, { jobs: true });
    signals = t.app.get(SignalsService);
    admin = await t.signedInClient({ email: 'admin@signals-consistency.example', platformRoles: ['admin'] });
    reviewers = [];
    for (const email of ['ria@review-one.example', 'sol@review-two.example', 'tam@review-three.example']) reviewers.push(await accreditedReviewer(email));
  }, 60_000);
  afterAll(() => t.close());

  async function accreditedReviewer(email: string): Promise<GraphQLClient> {
    const client = await t.signedInClient({ email });
    expect((await admin.query(`mutation($email: String!) { accreditReviewer(email: $email) }`, { email })).errors).toBeUndefined();
    // Roles are read with the session: sign in again to pick up the accreditation.
    await client.query(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password: TEST_PASSWORD } });
    return client;
  }

  const reviewerIds = new Map<GraphQLClient, string>();
  /**
   * The reviewer takes the task: an admin offers it to them (the draw is random and this suite
   * replays its events) and they accept it. Returns the accepted task, or the refusal.
   */
  type Claimed = { claimTask: { caseStudy: { outcomes: Array<{ id: string; baselineValue: number; claimedValue: number }> } } };
  async function take(reviewer: GraphQLClient, taskId: string): Promise<GraphQLResponse<Claimed>> {
    if (!reviewerIds.has(reviewer)) reviewerIds.set(reviewer, (await reviewer.query<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id);
    const offered = await admin.query(`mutation($taskId: ID!, $reviewerId: ID!) { assignTask(taskId: $taskId, reviewerId: $reviewerId) { id } }`, { taskId, reviewerId: reviewerIds.get(reviewer) });
    if (offered.errors) return { errors: offered.errors, status: offered.status };
    return reviewer.query<Claimed>(CLAIM, { taskId });
  }

  /** Rate limits guard real users; this suite is one busy user on one address, so it starts every step with fresh points. */
  const resetRateLimits = () => t.dataSource.query('DELETE FROM rate_limits');

  async function mailToken(idempotencyKey: string, prefix: '/r/' | '/f/'): Promise<string> {
    const rows: Array<{ text_body: string }> = await t.dataSource.query('SELECT text_body FROM mail_messages WHERE idempotency_key = $1', [idempotencyKey]);
    return linkToken(rows[0].text_body, prefix);
  }

  /** Every vendor's stored row equals the from-scratch computation at its `computed_at`; vendors without a row have no evidence. */
  async function expectEveryVendorConsistent(): Promise<number> {
    const vendors: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`);
    let rows = 0;
    for (const { id } of vendors) {
      const stored = await signals.stored(system, id);
      if (!stored) {
        const evidence = (await t.app.get(VendorEvidenceRepository).load(system, [id], new Date())).get(id)!;
        expect({ vendorId: id, caseStudies: evidence.caseStudies.length, references: evidence.references.length }).toEqual({ vendorId: id, caseStudies: 0, references: 0 });
        continue;
      }
      rows++;
      const fresh = await signals.computeFromScratch(system, id, stored.computedAt);
      expect(comparable(stored)).toEqual(comparable(fresh));
      const explanations = await signals.storedExplanations(system, id);
      expect(explanations?.computedAt.toISOString()).toBe(stored.computedAt.toISOString());
      expect(explanations!.explanations).toEqual(JSON.parse(JSON.stringify(fresh.explanations)));
    }
    return rows;
  }

  async function newRun(run: number) {
    await resetRateLimits();
    const vendors = [];
    for (let i = 0; i < 3; i++) {
      const { client, vendorId } = await vendorWithOwner(t, `owner-${run}-${i}@run-${run}-v${i}.example`, `Run ${run} Vendor ${i}`);
      vendors.push({ client, vendorId, domain: null as string | null });
    }
    // Vendors 0 and 1 disclose a roster (references are drawn from it, some contacts shared); vendor 2 only nominates.
    for (const i of [0, 1]) {
      const rows = [...SHARED_ROSTER, `ops-${run}-${i}@${CLIENT_DOMAIN}`].map((email, k) => `Acme Retail,${CLIENT_DOMAIN},Contact ${k},${email},2023-01-01,2023-12-31`);
      const csv = ['client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on', ...rows].join('\n');
      const res = await vendors[i].client.query(`mutation($input: ImportRosterInput!) { importRoster(input: $input) { imported } }`, { input: { vendorId: vendors[i].vendorId, csv } });
      expect(res.errors).toBeUndefined();
    }
    // Vendor 0 proves its own domain, so a reference there is a self-reference.
    const domain = `v0-run-${run}.example`;
    const added = await vendors[0].client.query(`mutation($input: AddVendorDomainInput!) { addVendorDomain(input: $input) { id } }`, { input: { vendorId: vendors[0].vendorId, email: `it@${domain}` } });
    expect(added.errors).toBeUndefined();
    const [mail] = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [`it@${domain}`]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text_body as string)![1];
    expect((await t.client().query(`mutation($input: VerifyVendorDomainInput!) { verifyVendorDomain(input: $input) { __typename } }`, { input: { token } })).errors).toBeUndefined();
    vendors[0].domain = domain;
    return vendors;
  }

  async function apply(event: Event, vendors: Awaited<ReturnType<typeof newRun>>): Promise<void> {
    await resetRateLimits();
    const ids = vendors.map((v) => v.vendorId);
    const ownerOf = (vendorId: string) => vendors.find((v) => v.vendorId === vendorId)!.client;
    const choose = async <T>(sql: string): Promise<T | undefined> => {
      const rows: T[] = await t.dataSource.query(sql, [ids]);
      return rows.length ? rows[(event as { pick: number }).pick % rows.length] : undefined;
    };

    switch (event.kind) {
      case 'submit': {
        const v = vendors[event.vendor];
        const outcomes = [(caseStudyInput(v.vendorId).outcomes as unknown[])[0]];
        if (event.twoOutcomes) {
          outcomes.push({ metricName: 'Fill rate', unit: '%', direction: 'higher_is_better', baselineValue: 90, claimedValue: 96, measuredAt: '2024-09-01', measurementMethod: 'ab_test', methodNote: null });
        }
        const production = event.pocOnly ? { productionStatus: 'poc_only', productionSince: null } : {};
        const draft = await createDraft(v.client, v.vendorId, { outcomes, ...production });
        for (const n of event.nominees) accepted(await nominate(v.client, draft.id, NOMINEES[n]), 'nominateReference');
        if (event.selfReference && v.domain) accepted(await nominate(v.client, draft.id, `boss@${v.domain}`), 'nominateReference (self)');
        accepted(await v.client.query(SUBMIT, { id: draft.id }), 'submitCaseStudy');
        return;
      }
      case 'answer':
      case 'decline': {
        const ref = await choose<{ id: string }>(`SELECT id FROM reference_requests WHERE vendor_id = ANY($1) AND status = 'sent' ORDER BY created_at, id`);
        if (!ref) return;
        const token = await mailToken(`reference-request:${ref.id}`, '/r/');
        if (event.kind === 'decline') {
          accepted(await t.client().query(DECLINE, { token }), 'declineReference');
          return;
        }
        const q = await t.client().query<{ referenceQuestionnaire: { outcomes: Array<{ id: string }> } }>(QUESTIONNAIRE, { token });
        if (!accepted(q, 'referenceQuestionnaire')) return;
        const input = {
          outcomes: q.data!.referenceQuestionnaire.outcomes.map((o) => ({ outcomeClaimId: o.id, achieved: event.achieved, observedValue: null })),
          inProduction: event.inProduction,
          handoverRating: event.handover,
          onTime: 4,
          onBudget: null,
          communication: 5,
          wouldHireAgain: event.hire,
          comments: '',
        };
        accepted(await t.client().query(ANSWER, { token, input }), 'answerReference');
        return;
      }
      case 'expire': {
        const ref = await choose<{ id: string }>(`SELECT id FROM reference_requests WHERE vendor_id = ANY($1) AND status = 'sent' ORDER BY created_at, id`);
        if (!ref) return;
        // Time passes for one link; the real expiry job marks it and refreshes the vendor.
        await t.dataSource.query(`UPDATE reference_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`, [ref.id]);
        await t.app.get(ReferenceChecksService).expireOverdue();
        return;
      }
      case 'verdict': {
        const task = await choose<{ id: string }>(
          `SELECT t.id FROM verification_tasks t JOIN case_studies c ON c.id = t.case_study_id WHERE c.vendor_id = ANY($1) AND t.status IN ('open', 'offered') AND t.kind = 'primary' ORDER BY t.created_at, t.id`,
        );
        if (!task) return;
        for (let k = 0; k < reviewers.length; k++) {
          const reviewer = reviewers[(event.reviewer + k) % reviewers.length];
          const claimed = await take(reviewer, task.id);
          if (!accepted(claimed, 'claimTask')) continue;
          const input = {
            taskId: task.id,
            outcomes: verdictOutcomes(claimed.data!.claimTask.caseStudy.outcomes, event.results),
            productionStatus: 'in_production',
            handover: event.handover,
            rubric: RUBRIC,
            notes: '',
            conflictDeclaration: 'None.',
            noConflictOfInterest: true,
          };
          const res = await reviewer.query(VERDICT, { input });
          expect(res.errors).toBeUndefined();
          return;
        }
        return;
      }
      case 'spotCheck': {
        const cs = await choose<{ case_study_id: string }>(`SELECT DISTINCT case_study_id FROM verdicts WHERE vendor_id = ANY($1) AND kind <> 'spot_check' ORDER BY case_study_id`);
        if (cs) accepted(await admin.query(SPOT_CHECK, { id: cs.case_study_id }), 'requireSpotCheck');
        return;
      }
      case 'dispute': {
        const verdict = await choose<{ id: string; vendor_id: string }>(
          `SELECT id, vendor_id FROM verdicts WHERE vendor_id = ANY($1) AND kind <> 'spot_check' AND superseded_by_id IS NULL ORDER BY created_at, id`,
        );
        if (verdict) accepted(await ownerOf(verdict.vendor_id).query(DISPUTE, { input: { verdictId: verdict.id, reason: 'The reviewer compared against the wrong baseline period.' } }), 'disputeVerdict');
        return;
      }
      case 'resolve': {
        const dispute = await choose<{ id: string; case_study_id: string }>(`SELECT id, case_study_id FROM disputes WHERE vendor_id = ANY($1) AND status = 'open' ORDER BY created_at, id`);
        if (!dispute) return;
        const outcomes: Array<{ id: string; baseline_value: string; claimed_value: string }> = await t.dataSource.query(
          'SELECT id, baseline_value, claimed_value FROM outcome_claims WHERE case_study_id = $1 ORDER BY position',
          [dispute.case_study_id],
        );
        const amendment = event.amend
          ? {
              outcomes: verdictOutcomes(
                outcomes.map((o) => ({ id: o.id, baselineValue: Number(o.baseline_value), claimedValue: Number(o.claimed_value) })),
                [{ result: event.result, share: event.share }],
              ),
              productionStatus: 'in_production',
              handover: 'joint',
              rubric: RUBRIC,
              notes: 'Re-measured on the agreed period.',
            }
          : null;
        const input = { disputeId: dispute.id, resolution: event.amend ? 'amended' : 'upheld', note: 'Decided on the contract.', amendment };
        accepted(await admin.query(RESOLVE, { input }), 'resolveDispute');
        return;
      }
      case 'withdraw': {
        const cs = await choose<{ id: string; vendor_id: string }>(
          `SELECT id, vendor_id FROM case_studies WHERE vendor_id = ANY($1) AND status NOT IN ('draft', 'withdrawn') ORDER BY created_at, id`,
        );
        if (cs) accepted(await ownerOf(cs.vendor_id).query(WITHDRAW, { id: cs.id }), 'withdrawCaseStudy');
        return;
      }
      case 'affiliate': {
        const res = await reviewers[event.reviewer].query(AFFILIATE, { input: { organizationId: vendors[event.vendor].vendorId, note: 'Former colleague' } });
        accepted(res, 'declareAffiliation');
        return;
      }
      case 'followUpsDue': {
        // Thirteen months on, the follow-up job mails every due +6/+12-month check.
        await t.app.get(FollowUpsService).sendDue(new Date(Date.now() + 396 * 86_400_000));
        return;
      }
      case 'answerFollowUp': {
        const check = await choose<{ id: string }>(
          `SELECT f.id FROM follow_up_checks f JOIN case_studies c ON c.id = f.case_study_id WHERE c.vendor_id = ANY($1) AND f.status = 'sent' ORDER BY f.due_at, f.id`,
        );
        if (!check) return;
        accepted(await t.client().query(FOLLOW_UP, { token: await mailToken(`follow-up:${check.id}`, '/f/'), still: event.still }), 'answerFollowUp');
        return;
      }
    }
  }

  it('stores, after any sequence of events, exactly what a from-scratch computation gives at the same instant', async () => {
    let run = 0;
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 8, maxLength: 14 }), async (events) => {
        const vendors = await newRun(++run);
        for (const event of events) {
          await apply(event, vendors);
          kinds.set(event.kind, (kinds.get(event.kind) ?? 0) + 1);
        }
        await waitForEvidenceDrained(t);
        await expectEveryVendorConsistent();
      }),
      // Each run adds to one database, so shrinking would replay on top of earlier runs: report the first failure as is.
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The sequences reached the events that matter (guards against a generator that silently stopped exercising them).
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM verdicts`)).not.toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM reference_responses`)).not.toEqual([{ n: 0 }]);
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  }, 180_000);

  it('keeps every row consistent through a market refresh and a full recompute', async () => {
    const before = await t.dataSource.query(`SELECT vendor_id, inputs_version FROM vendor_signals`);
    await signals.refreshMarket();
    const progress: Array<[number, number]> = [];
    const count = await signals.recomputeAll({ batchSize: 4, onProgress: (done, total) => progress.push([done, total]) });
    const vendors = await t.dataSource.query(`SELECT count(*)::int AS n FROM organizations WHERE kind = 'vendor'`);
    expect(count).toBe(vendors[0].n);
    expect(progress[0]).toEqual([0, count]);
    expect(progress.at(-1)).toEqual([count, count]);
    expect(await expectEveryVendorConsistent()).toBe(count);
    // Every row existing before was rewritten (its refresh counter moved on).
    const after = new Map((await t.dataSource.query(`SELECT vendor_id, inputs_version FROM vendor_signals`)).map((r: { vendor_id: string; inputs_version: number }) => [r.vendor_id, r.inputs_version]));
    for (const r of before as Array<{ vendor_id: string; inputs_version: number }>) expect(after.get(r.vendor_id)).toBe(r.inputs_version + 1);
  }, 60_000);

  it('recomputes through `npm run signals:recompute`, leaving every row consistent', async () => {
    execFileSync(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs', 'migrations', '-d', 'dist/api', '--config-file', '.swcrc', '-q'], { cwd: root });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-signals-cli-'));
    const stamp = new Date();
    try {
      const out = execFileSync(process.execPath, ['dist/api/apps/api/src/cli/signals-recompute.js', '--refresh-market', '--database-url', t.databaseUrl], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ASSAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
      expect(out).toMatch(/Market context refreshed: claim-accuracy median \d\.\d{3}/);
      expect(out).toMatch(/Recomputed the signals of \d+ vendors/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const stale = await t.dataSource.query(`SELECT count(*)::int AS n FROM vendor_signals WHERE computed_at < $1`, [stamp]);
    expect(stale[0].n).toBe(0);
    await expectEveryVendorConsistent();
  }, 90_000);

  it('moves a spot-checked reviewer’s weight on every vendor they judged, not only the checked one', async () => {
    const vendors = await newRun(100);
    // Reviewer 0 judges a case study of vendor 0 and one of vendor 1; then a spot check of vendor 0's verdict disagrees.
    for (const v of [0, 1]) await apply({ kind: 'submit', vendor: v, nominees: [0], selfReference: false, twoOutcomes: false, pocOnly: false }, vendors);
    const tasks: Array<{ id: string; vendor_id: string }> = await t.dataSource.query(
      `SELECT t.id, c.vendor_id FROM verification_tasks t JOIN case_studies c ON c.id = t.case_study_id WHERE c.vendor_id = ANY($1) AND t.status IN ('open', 'offered') ORDER BY c.vendor_id = $2 DESC`,
      [vendors.slice(0, 2).map((v) => v.vendorId), vendors[0].vendorId],
    );
    expect(tasks).toHaveLength(2);
    const judge = reviewers[0];
    for (const task of tasks) {
      const claimed = await take(judge, task.id);
      expect(claimed.errors).toBeUndefined();
      const input = { taskId: task.id, outcomes: verdictOutcomes(claimed.data!.claimTask.caseStudy.outcomes, [{ result: 'verified', share: 1 }]), productionStatus: 'in_production', handover: 'joint', rubric: RUBRIC, notes: '', conflictDeclaration: 'None.', noConflictOfInterest: true };
      expect((await judge.query(VERDICT, { input })).errors).toBeUndefined();
    }
    await waitForEvidenceDrained(t);
    const otherVendor = vendors[1].vendorId;
    const reviewerWeight = async () => {
      const explanations = (await signals.storedExplanations(system, otherVendor))!.explanations;
      const item = explanations.items.verifiedDelivery.find((i) => i.factors.some((f) => f.factor.startsWith('reviewer')))!;
      return item.factors.filter((f) => f.factor.startsWith('reviewer')).map((f) => f.value);
    };
    const before = await reviewerWeight();
    const versionBefore = (await signals.stored(system, otherVendor))!.inputsVersion;

    const [checked] = await t.dataSource.query(`SELECT case_study_id FROM verdicts WHERE vendor_id = $1 AND kind = 'primary'`, [vendors[0].vendorId]);
    const spot = await admin.query<{ requireSpotCheck: string }>(SPOT_CHECK, { id: checked.case_study_id });
    expect(spot.errors).toBeUndefined();
    const checker = reviewers[1];
    const claimed = await take(checker, spot.data!.requireSpotCheck);
    expect(claimed.errors).toBeUndefined();
    const input = { taskId: spot.data!.requireSpotCheck, outcomes: verdictOutcomes(claimed.data!.claimTask.caseStudy.outcomes, [{ result: 'refuted', share: 0 }]), productionStatus: 'in_production', handover: 'joint', rubric: RUBRIC, notes: '', conflictDeclaration: 'None.', noConflictOfInterest: true };
    expect((await checker.query(VERDICT, { input })).errors).toBeUndefined();
    await waitForEvidenceDrained(t);

    // Vendor 1 was not checked, but its verdict came from the reviewer who was: its stored signals moved, and equal a fresh computation.
    expect((await signals.stored(system, otherVendor))!.inputsVersion).toBeGreaterThan(versionBefore);
    expect(await reviewerWeight()).not.toEqual(before);
    await expectEveryVendorConsistent();
  }, 120_000);

  it('refreshes a vendor whose reference contact another vendor submits later (shared contact)', async () => {
    await resetRateLimits();
    const first = await vendorWithOwner(t, 'owner@shared-first.example', 'Shared First');
    const second = await vendorWithOwner(t, 'owner@shared-second.example', 'Shared Second');
    const contact = `shared.person@${CLIENT_DOMAIN}`;
    for (const v of [first, second]) {
      const draft = await createDraft(v.client, v.vendorId);
      expect((await nominate(v.client, draft.id, contact)).errors).toBeUndefined();
      if (v === second) {
        // A draft nomination reaches nobody: the first vendor is not flagged yet.
        const row = await signals.stored(system, first.vendorId);
        expect(row!.signals.flags.map((f) => f.kind)).not.toContain('shared_reference_contact');
      }
      expect((await v.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    }
    // The first vendor is a dependent of the second's submission: the drain refreshes it.
    await waitForEvidenceDrained(t);
    const row = await signals.stored(system, first.vendorId);
    expect(row!.signals.flags.map((f) => f.kind)).toContain('shared_reference_contact');
    await expectEveryVendorConsistent();
  }, 60_000);
  describe('a verdict elsewhere moves a vendor only when it flips the reviewer’s over-concentration there', () => {
    // Over-concentrated: at least 8 verdicts in total, more than a quarter of them on the vendor
    // (DEFAULT_SIGNAL_CONFIG.reviewer). The reviewer may judge a vendor at most 3 times a year.
    let judge: GraphQLClient;
    let judgeId: string;
    const vendors: Array<{ client: GraphQLClient; vendorId: string }> = [];

    beforeAll(async () => {
      await resetRateLimits();
      judge = await accreditedReviewer('uma@review-four.example');
      [{ id: judgeId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'uma@review-four.example'`);
      for (const name of ['target', 'first', 'second']) vendors.push(await vendorWithOwner(t, `owner@flip-${name}.example`, `Flip ${name}`));
    }, 60_000);

    /** Submits a case study (with a contact no other vendor uses, so no shared contact links the vendors) and records the judge's verdict on it. */
    async function judgeNewCaseStudy(vendor: { client: GraphQLClient; vendorId: string }, n: number): Promise<void> {
      await resetRateLimits();
      // Each case study names its own client, so a new claim never changes another vendor's client-domain
      // standing (that dependency has its own test in client-domain-standing.e2e-spec.ts): only the verdict moves.
      const draft = await createDraft(vendor.client, vendor.vendorId, { client: { name: `Flip Client ${n}`, domain: `flip-client-${n}.example`, anonymised: false, descriptor: null } });
      expect((await nominate(vendor.client, draft.id, `contact-${n}@flip-client-${n}.example`)).errors).toBeUndefined();
      expect((await vendor.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
      const [task] = await t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'primary' AND status IN ('open', 'offered')`, [draft.id]);
      const claimed = await take(judge, task.id);
      expect(claimed.errors).toBeUndefined();
      const input = { taskId: task.id, outcomes: verdictOutcomes(claimed.data!.claimTask.caseStudy.outcomes, [{ result: 'verified', share: 1 }]), productionStatus: 'in_production', handover: 'joint', rubric: RUBRIC, notes: '', conflictDeclaration: 'None.', noConflictOfInterest: true };
      expect((await judge.query(VERDICT, { input })).errors).toBeUndefined();
    }

    const target = () => vendors[0].vendorId;
    const storedTarget = async () => (await signals.stored(system, target()))!;

    it('refreshes the other vendor when the verdict makes the reviewer over-concentrated there', async () => {
      // 3 verdicts on the target, 3 on the first vendor, 1 on the second: 7 in total, below the minimum.
      let n = 0;
      for (const v of [0, 0, 0, 1, 1, 1, 2]) await judgeNewCaseStudy(vendors[v], ++n);
      await waitForEvidenceDrained(t);
      const before = await storedTarget();
      expect(before.concentratedReviewerIds).toEqual([]);

      // The 8th verdict, on the second vendor: 3 of 8 on the target is more than a quarter, so the concentration flips there.
      await judgeNewCaseStudy(vendors[2], ++n);
      await waitForEvidenceDrained(t);
      const after = await storedTarget();
      expect(after.inputsVersion).toBeGreaterThan(before.inputsVersion);
      expect(after.concentratedReviewerIds).toEqual([judgeId]);
      expect(after.signals.flags.map((f) => f.kind)).toContain('reviewer_concentration');
      await expectEveryVendorConsistent();
    }, 120_000);

    it('leaves the other vendor alone when the verdict does not flip it, and says so before draining', async () => {
      const before = await storedTarget();
      // The 9th verdict: 3 of 9 on the target is still more than a quarter.
      await judgeNewCaseStudy(vendors[2], 9);
      await waitForEvidenceDrained(t);
      const after = await storedTarget();
      expect(after.inputsVersion).toBe(before.inputsVersion);
      expect(after.computedAt).toEqual(before.computedAt);
      // The same event, drained now: its dependents are the judged vendor alone.
      const events = t.app.get(EvidenceEventsService);
      expect(await events.affectedVendors(system, [{ vendor_id: vendors[2].vendorId, reviewer_id: judgeId, cause: 'verdict_recorded' }])).toEqual([vendors[2].vendorId]);
      // A reference answer names no reviewer and reaches no other vendor through one.
      expect(await events.affectedVendors(system, [{ vendor_id: vendors[2].vendorId, reviewer_id: null, cause: 'reference_answered' }])).toEqual([vendors[2].vendorId]);
      // A change to the reviewer's record (a spot check of their work) reaches every vendor they judged.
      expect(await events.affectedVendors(system, [{ vendor_id: null, reviewer_id: judgeId, cause: 'spot_check_recorded' }])).toEqual(vendors.map((v) => v.vendorId).sort());
      await expectEveryVendorConsistent();
    }, 120_000);

    it('finds the flip from stored state: a vendor whose stored concentration is stale or unknown is a dependent', async () => {
      const events = t.app.get(EvidenceEventsService);
      const event = { vendor_id: vendors[2].vendorId, reviewer_id: judgeId, cause: 'verdict_recorded' as const };
      const dependents = async () => events.affectedVendors(system, [event]);
      // Pretend the target's row was computed when the judge was not concentrated there.
      await t.dataSource.query(`UPDATE vendor_signals SET concentrated_reviewer_ids = '{}' WHERE vendor_id = $1`, [target()]);
      expect(await dependents()).toEqual([target(), vendors[2].vendorId].sort());
      // A row older than the stored state (NULL): unknown, so a dependent.
      await t.dataSource.query(`UPDATE vendor_signals SET concentrated_reviewer_ids = NULL WHERE vendor_id = $1`, [target()]);
      expect(await dependents()).toEqual([target(), vendors[2].vendorId].sort());
      // Draining such an event refreshes both vendors and writes the state back (here or in the app's own worker, whichever takes it).
      const versionBefore = (await storedTarget()).inputsVersion;
      await t.dataSource.query(`INSERT INTO evidence_outbox (vendor_id, reviewer_id, cause) VALUES ($1, $2, 'verdict_recorded')`, [event.vendor_id, judgeId]);
      await events.drain();
      await waitForEvidenceDrained(t);
      expect((await storedTarget()).inputsVersion).toBe(versionBefore + 1);
      expect((await storedTarget()).concentratedReviewerIds).toEqual([judgeId]);
      expect(await dependents()).toEqual([vendors[2].vendorId]);
      await expectEveryVendorConsistent();
    }, 60_000);
  });
});
