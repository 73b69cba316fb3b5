// `npm run simulate -- --via-api [--vendors N] [--seed S] [--json]`: pushes a small
// generated market through the real application — the GraphQL API over HTTP, its
// services, PostgreSQL — then checks that every materialised `vendor_signals` row equals
// what @assay/signals computes from the simulation's own record of what it pushed
// (via-api-evidence.ts says exactly what is read back and why), both as the rows were
// refreshed with each event and after a market refresh and full recompute.
import 'reflect-metadata';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { verdictsAgree } from '@assay/domain';
import { computeMarketContext, computeVendorSignals, DEFAULT_MARKET_CONTEXT, DEFAULT_SIGNAL_CONFIG, type MarketContext, type VendorEvidence, type VendorSignals } from '@assay/signals';
import { DataSource } from 'typeorm';
import { createApp, startJobs } from '../../apps/api/src/bootstrap';
import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import { ClientDomainStandingService } from '../../apps/api/src/modules/identity/client-domain-standing.service';
import type { ClientDomainStanding } from '@assay/signals';
import { ensureAdminAccount } from '../../apps/api/src/cli/admin-account';
import { loadConfig } from '../../apps/api/src/config/config';
import { openDataSource } from '../../apps/api/src/database/data-source';
import { provisionDatabase } from '../../apps/api/src/database/provision';
import { ReferenceChecksService } from '../../apps/api/src/modules/references/reference-checks.service';
import { SignalsService } from '../../apps/api/src/modules/signals/signals.service';
import { freePort } from '../shared/ports';
import { HttpGraphQLClient, RequestRefused } from './graphql-http';
import { generateMarket } from './market';
import {
  compareSignals,
  evidenceFromRecord,
  type PushedCaseStudy,
  type PushedReference,
  type PushedVendor,
  type PushedVerdict,
  type PushRecord,
  type SignalMismatch,
  type StoredSignalsRow,
  verdictAssessment,
  verdictStatus,
} from './via-api-evidence';
import { planMarketPush, type PlannedCaseStudy, type PlannedVendor, type PushPlan, SIMULATED_PASSWORD } from './via-api-plan';

/** The issue asks for a market of at least 40 vendors through the real services. */
export const MIN_VIA_API_VENDORS = 40;

export interface ViaApiOptions {
  seed: number;
  vendorCount: number;
  /** A PostgreSQL database with no organizations yet (pending migrations are applied); default: DATABASE_URL, else an embedded PostgreSQL in a temporary folder. */
  databaseUrl?: string;
  /** Progress lines (phases), e.g. to stderr. */
  log?: (line: string) => void;
  /** Stop the database and remove temporary folders on SIGINT/SIGTERM (the CLI). */
  handleSignals?: boolean;
}

export interface PushMismatch {
  vendor: string;
  what: string;
  expected: string;
  server: string;
}

export interface ComparisonResult {
  vendorsCompared: number;
  valuesCompared: number;
  largestDifference: number;
  mismatches: SignalMismatch[];
}

export interface VendorSummary {
  vendor: string;
  vendorId: string;
  adversarial: boolean;
  quality: number;
  caseStudiesSubmitted: number;
  verifiedCaseStudies: number;
  selfReferences: number;
  assay: { mean: number; lower: number; upper: number };
  verifiedDelivery: number;
  clientEndorsement: number;
  flags: string[];
}

export interface ViaApiResult {
  seed: number;
  vendorCount: number;
  marketNow: string;
  database: 'embedded' | 'DATABASE_URL';
  durationMs: number;
  httpRequests: number;
  pushed: Record<string, number>;
  pushMismatches: PushMismatch[];
  incremental: ComparisonResult;
  recompute: ComparisonResult & { marketMedian: { server: number; library: number } };
  vendors: VendorSummary[];
  ok: boolean;
  /** The library's input per vendor id at the recompute instant (for tests; not part of the JSON output). */
  evidence: Map<string, VendorEvidence>;
}

const RUBRIC = { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: null, monitoringInProduction: null, notes: '' };

const Q = {
  signUp: `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`,
  verifyEmail: `mutation($token: String!) { verifyEmail(token: $token) { id } }`,
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { id } }`,
  accredit: `mutation($email: String!) { accreditReviewer(email: $email) }`,
  createOrganization: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  updateProfile: `mutation($input: UpdateVendorProfileInput!) { updateVendorProfile(input: $input) { id } }`,
  addDomain: `mutation($input: AddVendorDomainInput!) { addVendorDomain(input: $input) { id } }`,
  verifyDomain: `mutation($input: VerifyVendorDomainInput!) { verifyVendorDomain(input: $input) { domain } }`,
  createCaseStudy: `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id outcomes { id } } }`,
  addEvidenceLink: `mutation($input: AddEvidenceLinkInput!) { addEvidenceLink(input: $input) { id } }`,
  nominate: `mutation($input: NominateReferenceInput!) { nominateReference(input: $input) { id status identityStrength } }`,
  importRoster: `mutation($input: ImportRosterInput!) { importRoster(input: $input) { imported } }`,
  roster: `query($vendorId: ID!) { rosterEntries(vendorId: $vendorId, first: 10) { nodes { id contactEmail } } }`,
  removeRosterEntry: `mutation($input: RemoveRosterEntryInput!) { removeRosterEntry(input: $input) }`,
  submit: `mutation($id: ID!) { submitCaseStudy(id: $id) { id status references { id source status identityStrength } } }`,
  outbox: `query($offset: Int!) { outbox(limit: 100, offset: $offset) { items { id to text } } }`,
  questionnaire: `query($token: String!) { referenceQuestionnaire(token: $token) { outcomes { id } } }`,
  answer: `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`,
  decline: `mutation($token: String!) { declineReference(token: $token, reason: "I cannot speak for this project.") }`,
  queue: `{ verificationQueue { id kind caseStudyId } }`,
  claim: `mutation($taskId: ID!) { claimTask(taskId: $taskId) { id caseStudy { id outcomes { id } } } }`,
  verdict: `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id status createdAt } }`,
  spotCheck: `mutation($id: ID!) { requireSpotCheck(caseStudyId: $id) }`,
  assign: `mutation($taskId: ID!, $reviewerId: ID!) { assignTask(taskId: $taskId, reviewerId: $reviewerId) { id } }`,
  readBack: `query($vendorId: ID!) { vendorCaseStudies(vendorId: $vendorId) { id status submittedAt client { domain domainStanding { standing reason } } references { id source status identityStrength createdAt answeredAt } } }`,
} as const;

/** The development outbox, read by an admin over the API (newest first); links are taken from it, no SMTP needed. */
class Mailbox {
  private readonly seen = new Set<string>();
  private readonly byAddress = new Map<string, string[]>();
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(private readonly admin: HttpGraphQLClient) {}

  /** A read that starts after this call (so it sees every mail committed before it); callers waiting together share one. */
  private fresh(): Promise<void> {
    if (this.queued) return this.queued;
    const read = this.running.then(() => {
      this.queued = null;
      return this.read();
    });
    this.queued = read;
    this.running = read.catch(() => undefined);
    return read;
  }

  /** Pages back from the newest mail until a page holds mail already seen. */
  private async read(): Promise<void> {
    for (let offset = 0; ; offset += 100) {
      const page = await this.admin.must<{ outbox: { items: Array<{ id: string; to: string; text: string }> } }>('outbox', Q.outbox, { offset });
      let known = false;
      for (const m of page.outbox.items) {
        if (this.seen.has(m.id)) {
          known = true;
          continue;
        }
        this.seen.add(m.id);
        (this.byAddress.get(m.to) ?? this.byAddress.set(m.to, []).get(m.to)!).push(m.text);
      }
      if (known || page.outbox.items.length < 100) return;
    }
  }

  /** The token of the link matching `pattern` in the mail to `to` (each simulated contact gets one). */
  async token(to: string, pattern: RegExp): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const match = (this.byAddress.get(to) ?? []).map((text) => pattern.exec(text)).find((m) => m !== null);
      if (match) return match[1];
      await this.fresh();
    }
    throw new Error(`No mail to ${to} with a link like ${pattern}`);
  }
}

/** People act in parallel (one vendor per lane): the server overlaps their transactions as it would for real users. */
const LANES = 4;

/** Runs `work` on every item, `lanes` at a time, in order within the list; the first failure stops the other lanes. */
async function inLanes<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>, lanes = LANES): Promise<void> {
  let next = 0;
  let failure: unknown;
  const lane = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  if (failure !== undefined) throw failure;
}

function caseStudyInput(vendorId: string, cs: PlannedCaseStudy): Record<string, unknown> {
  return {
    vendorId,
    title: cs.title,
    client: { name: cs.clientName, domain: cs.clientDomain, anonymised: false, descriptor: null },
    problem: 'Decisions made on spreadsheets and intuition.',
    approach: 'A model in production, with monitoring and a handover plan.',
    startedOn: cs.startedOn,
    endedOn: cs.endedOn,
    teamSize: 4,
    stackTags: ['python'],
    productionStatus: cs.productionStatus,
    productionSince: cs.productionSince,
    retiredOn: cs.retiredOn,
    handover: cs.vendorHandover,
    outcomes: cs.outcomes.map((o) => ({
      metricName: o.metricName,
      unit: o.unit,
      direction: o.direction,
      baselineValue: o.baselineValue,
      claimedValue: o.claimedValue,
      measuredAt: o.measuredAt,
      measurementMethod: o.measurementMethod,
      methodNote: null,
    })),
  };
}

function refusalOf(res: { errors?: Array<{ extensions?: { code?: string; reason?: string } }> }): string | null {
  const e = res.errors?.[0];
  return e ? `${e.extensions?.code ?? 'ERROR'}/${e.extensions?.reason ?? ''}` : null;
}

/** Pushes the plan through the API; returns the record of what the server answered. */
class Pusher {
  readonly counts: Record<string, number> = {};
  readonly mismatches: PushMismatch[] = [];
  private readonly clients: HttpGraphQLClient[] = [];
  /** The admins who offer tasks to the market's reviewers, in turn. */
  private admins: HttpGraphQLClient[] = [];
  private assignments = 0;

  constructor(
    private readonly url: string,
    private readonly app: INestApplication,
    private readonly plan: PushPlan,
    private readonly log: (line: string) => void,
  ) {}

  private count(what: string, n = 1): void {
    this.counts[what] = (this.counts[what] ?? 0) + n;
  }

  private expect(vendor: string, what: string, expected: string, server: string): void {
    if (expected !== server) this.mismatches.push({ vendor, what, expected, server });
  }

  private client(): HttpGraphQLClient {
    const c = new HttpGraphQLClient(this.url);
    this.clients.push(c);
    return c;
  }

  async signedUp(email: string, displayName: string): Promise<{ client: HttpGraphQLClient; userId: string }> {
    const client = this.client();
    await client.must<{ signUp: { message: string } }>(`signUp ${email}`, Q.signUp, { input: { email, password: SIMULATED_PASSWORD, displayName } });
    // The account confirms its address through the emailed link, as a person would.
    const [mail]: Array<{ text_body: string }> = await this.app
      .get(DataSource)
      .query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/v/%' ORDER BY created_at DESC LIMIT 1`, [email]);
    const token = /\/v\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')?.[1];
    if (!token) throw new Error(`no confirmation mail to ${email}`);
    const res = await client.must<{ verifyEmail: { id: string } }>(`verifyEmail ${email}`, Q.verifyEmail, { token });
    this.count('accounts');
    return { client, userId: res.verifyEmail.id };
  }

  async run(): Promise<PushRecord> {
    const ds = this.app.get(DataSource);
    // Admins are created as `npm run admin:create` creates them, then sign in over HTTP.
    const auditors: Array<{ client: HttpGraphQLClient; userId: string }> = [];
    for (const a of this.plan.auditors) {
      await ensureAdminAccount(ds, { email: a.email, name: a.name, password: () => SIMULATED_PASSWORD });
      const client = this.client();
      const me = await client.must<{ signIn: { id: string } }>(`signIn ${a.email}`, Q.signIn, { input: { email: a.email, password: SIMULATED_PASSWORD } });
      auditors.push({ client, userId: me.signIn.id });
      this.count('admins');
    }
    const admin = auditors[0].client;
    this.admins = auditors.map((a) => a.client);
    const mailbox = new Mailbox(admin);
    // Auditors re-check verdicts as accredited reviewers (a task is offered only to a reviewer).
    for (const [i, a] of this.plan.auditors.entries()) {
      await admin.must('accreditReviewer', Q.accredit, { email: a.email });
      await auditors[i].client.must('signIn', Q.signIn, { input: { email: a.email, password: SIMULATED_PASSWORD } });
    }

    this.log(`accrediting ${this.plan.reviewers.length} reviewers`);
    const reviewers: Array<{ client: HttpGraphQLClient; userId: string }> = [];
    for (const r of this.plan.reviewers) {
      const account = await this.signedUp(r.email, r.displayName);
      await admin.must('accreditReviewer', Q.accredit, { email: r.email });
      // Roles are read with the session: sign in again to carry the accreditation.
      await account.client.must('signIn', Q.signIn, { input: { email: r.email, password: SIMULATED_PASSWORD } });
      reviewers.push(account);
      this.count('reviewersAccredited');
    }

    this.log(`${this.plan.vendors.length} vendors: accounts, profiles, domains, case studies, references, submissions`);
    const vendors: PushedVendor[] = new Array(this.plan.vendors.length);
    const owners = new Map<string, HttpGraphQLClient>();
    await inLanes(this.plan.vendors, async (v, i) => {
      const pushed = await this.pushVendor(v, mailbox);
      vendors[i] = pushed.vendor;
      owners.set(pushed.vendor.id, pushed.owner);
    });

    this.log('references answer, decline or let their links expire');
    await this.respond(vendors, mailbox);

    this.log('reviewers claim tasks and record verdicts');
    await this.verify(vendors, reviewers, admin);

    this.log('admins spot-check verdicts');
    await this.spotCheck(vendors, auditors);

    // Standings re-assessed by the identity job may still change; read them back once it is idle.
    this.log('waiting for the client-domain standings to settle');
    await this.app.get(ClientDomainStandingService).waitUntilIdle(120_000);
    this.log('reading back server timestamps');
    await this.readBack(vendors, owners);
    return { plan: this.plan, reviewerUserIds: reviewers.map((r) => r.userId), vendors };
  }

  private async pushVendor(v: PlannedVendor, mailbox: Mailbox): Promise<{ vendor: PushedVendor; owner: HttpGraphQLClient }> {
    const { client: owner } = await this.signedUp(v.ownerEmail, v.ownerName);
    const org = await owner.must<{ createOrganization: { id: string } }>('createOrganization', Q.createOrganization, { input: { name: v.organizationName, kind: 'vendor' } });
    const vendorId = org.createOrganization.id;
    this.count('organizations');
    await owner.must('updateVendorProfile', Q.updateProfile, { input: { vendorId, ...v.profile } });
    // The vendor proves its own domain through the emailed link; references there are self-references.
    const itEmail = `it@${v.domain}`;
    await owner.must('addVendorDomain', Q.addDomain, { input: { vendorId, email: itEmail } });
    const domainToken = await mailbox.token(itEmail, /token=([A-Za-z0-9_-]+)/);
    await this.client().must('verifyVendorDomain', Q.verifyDomain, { input: { token: domainToken } });
    this.count('domainsVerified');

    const caseStudies: PushedCaseStudy[] = [];
    for (const cs of v.caseStudies) caseStudies.push(await this.pushCaseStudy(v, vendorId, owner, cs));
    return { vendor: { plan: v, id: vendorId, caseStudies }, owner };
  }

  private async pushCaseStudy(v: PlannedVendor, vendorId: string, owner: HttpGraphQLClient, cs: PlannedCaseStudy): Promise<PushedCaseStudy> {
    const created = await owner.must<{ createCaseStudy: { id: string; outcomes: Array<{ id: string }> } }>('createCaseStudy', Q.createCaseStudy, { input: caseStudyInput(vendorId, cs) });
    const id = created.createCaseStudy.id;
    this.count('caseStudies');
    await owner.must('addEvidenceLink', Q.addEvidenceLink, { input: { caseStudyId: id, title: 'Evaluation report', url: `https://evidence.example/${cs.marketId}/evaluation` } });
    this.count('evidenceLinks');

    const references: PushedReference[] = [];
    for (const n of cs.nominations) {
      const res = await owner.request<{ nominateReference: { id: string; status: string; identityStrength: string } }>(Q.nominate, {
        input: { caseStudyId: id, contactName: n.contactName, contactEmail: n.contactEmail, contactRole: 'Head of Data' },
      });
      this.count('nominations');
      if (n.expectDuplicate) {
        this.expect(v.marketId, `nomination ${n.marketId} (contact already a reference)`, 'CONFLICT/DUPLICATE_REFERENCE', refusalOf(res) ?? 'accepted');
        this.count('duplicateNominationsRefused');
        continue;
      }
      if (!res.data) throw new RequestRefused(`nominateReference ${n.marketId}`, refusalOf(res) ?? '', '', res.errors?.[0].message ?? '');
      const r = res.data.nominateReference;
      this.expect(v.marketId, `identity of ${n.marketId}`, n.identity, r.identityStrength);
      this.expect(v.marketId, `status of nomination ${n.marketId}`, n.expectRefused ? 'refused' : 'pending', r.status);
      if (n.expectRefused) this.count('selfReferencesRefused');
      references.push({ plan: n, id: r.id, serverIdentity: r.identityStrength, status: r.status === 'refused' ? 'refused' : 'sent' });
    }

    // The roster holds exactly the client the market draws, so the server's random draw picks it.
    let rosterEntryId: string | null = null;
    if (cs.drawn) {
      const csv = ['client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on', `${cs.clientName},${cs.clientDomain},${cs.drawn.contactName},${cs.drawn.contactEmail},${cs.startedOn},${cs.endedOn}`].join('\n');
      await owner.must('importRoster', Q.importRoster, { input: { vendorId, csv } });
      const roster = await owner.must<{ rosterEntries: { nodes: Array<{ id: string; contactEmail: string }> } }>('rosterEntries', Q.roster, { vendorId });
      rosterEntryId = roster.rosterEntries.nodes[0]?.id ?? null;
    }

    const submitted = await owner.request<{ submitCaseStudy: { id: string; status: string; references: Array<{ id: string; source: string; status: string; identityStrength: string }> } }>(Q.submit, { id });
    if (rosterEntryId) await owner.must('removeRosterEntry', Q.removeRosterEntry, { input: { id: rosterEntryId } });
    const pushed: PushedCaseStudy = { plan: cs, id, outcomeIds: created.createCaseStudy.outcomes.map((o) => o.id), submitted: !!submitted.data, references };
    this.expect(v.marketId, `submission of ${cs.marketId}`, cs.expectSubmitted ? 'accepted' : 'BAD_USER_INPUT/NO_REFERENCES', refusalOf(submitted) ?? 'accepted');
    if (!submitted.data) {
      this.count('submissionsRefused');
      return pushed;
    }
    this.count('submitted');
    const drawn = submitted.data.submitCaseStudy.references.filter((r) => r.source === 'drawn');
    const expectDrawn = cs.drawn !== null && !cs.drawn.expectDuplicate;
    this.expect(v.marketId, `references drawn for ${cs.marketId}`, expectDrawn ? '1' : '0', String(drawn.length));
    if (cs.drawn && expectDrawn && drawn[0]) {
      this.expect(v.marketId, `identity of ${cs.drawn.marketId}`, cs.drawn.identity, drawn[0].identityStrength);
      references.push({ plan: cs.drawn, id: drawn[0].id, serverIdentity: drawn[0].identityStrength, status: 'sent' });
      this.count('drawnReferences');
    }
    return pushed;
  }

  private async respond(vendors: PushedVendor[], mailbox: Mailbox): Promise<void> {
    const expire: string[] = [];
    await inLanes(vendors, async (v) => {
      for (const cs of v.caseStudies) {
        if (!cs.submitted) continue;
        for (const r of cs.references) {
          if (r.status !== 'sent') continue;
          const response = r.plan.response;
          if (response.kind === 'none') {
            this.count('referencesStillOpen');
            continue;
          }
          if (response.kind === 'expire') {
            expire.push(r.id);
            r.status = 'expired';
            continue;
          }
          const token = await mailbox.token(r.plan.contactEmail, /\/r\/([A-Za-z0-9_-]+)/);
          // Every reference is a different person at a different address.
          const person = this.client();
          if (response.kind === 'decline') {
            await person.must('declineReference', Q.decline, { token });
            r.status = 'declined';
            this.count('declines');
            continue;
          }
          const questionnaire = await person.must<{ referenceQuestionnaire: { outcomes: Array<{ id: string }> } }>('referenceQuestionnaire', Q.questionnaire, { token });
          this.expect(v.plan.marketId, `questionnaire outcomes of ${r.plan.marketId}`, cs.outcomeIds.join(','), questionnaire.referenceQuestionnaire.outcomes.map((o) => o.id).join(','));
          await person.must('answerReference', Q.answer, {
            token,
            input: {
              outcomes: response.outcomes.map((a) => ({ outcomeClaimId: cs.outcomeIds[a.outcomeIndex], achieved: a.achieved, observedValue: null })),
              inProduction: response.inProduction,
              handoverRating: response.handoverRating,
              onTime: null,
              onBudget: null,
              communication: null,
              wouldHireAgain: response.wouldHireAgain,
              comments: '',
            },
          });
          r.status = 'answered';
          this.count('answers');
        }
      }
    });
    if (expire.length) {
      // Fourteen days pass for these links (the one direct write: time), then the real expiry job runs.
      await this.app.get(DataSource).query(`UPDATE reference_requests SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [expire]);
      const expired = await this.app.get(ReferenceChecksService).expireOverdue();
      this.expect('market', 'links expired by the expiry job', String(expire.length), String(expired));
      this.count('expiries', expired);
    }
  }

  /**
   * Reviewers take tasks in queue order (oldest first; the queue lists 100 at a time), several
   * at once but never two of one vendor together: the server's limit of verdicts per vendor and
   * reviewer then meets each vendor's case studies in the same order in every run.
   */
  private async verify(vendors: PushedVendor[], reviewers: Array<{ client: HttpGraphQLClient; userId: string }>, reader: HttpGraphQLClient): Promise<void> {
    const byCaseStudy = new Map<string, { v: PushedVendor; cs: PushedCaseStudy }>();
    for (const v of vendors) for (const cs of v.caseStudies) if (cs.submitted) byCaseStudy.set(cs.id, { v, cs });
    const dispatched = new Set<string>();
    const busy = new Set<string>();
    let window: Array<{ taskId: string; caseStudyId: string }> = [];
    let refilling: Promise<void> | null = null;
    let waiting: Array<() => void> = [];
    let failure: unknown;
    const wake = () => {
      const w = waiting;
      waiting = [];
      for (const resolve of w) resolve();
    };
    const refill = async () => {
      const queue = await reader.must<{ verificationQueue: Array<{ id: string; kind: string; caseStudyId: string }> }>('verificationQueue', Q.queue);
      window = queue.verificationQueue.filter((t) => t.kind === 'primary' && byCaseStudy.has(t.caseStudyId) && !dispatched.has(t.id)).map((t) => ({ taskId: t.id, caseStudyId: t.caseStudyId }));
    };
    const lane = async () => {
      while (failure === undefined && dispatched.size < byCaseStudy.size) {
        const i = window.findIndex((t) => !busy.has(byCaseStudy.get(t.caseStudyId)!.v.id));
        if (i >= 0) {
          const [task] = window.splice(i, 1);
          const { v, cs } = byCaseStudy.get(task.caseStudyId)!;
          dispatched.add(task.taskId);
          busy.add(v.id);
          try {
            await this.verifyOne(v, cs, task.taskId, reviewers);
          } catch (e) {
            failure ??= e;
          } finally {
            busy.delete(v.id);
            wake();
          }
        } else if (window.length > 0) {
          await new Promise<void>((resolve) => waiting.push(resolve));
        } else {
          refilling ??= refill().finally(() => (refilling = null));
          await refilling;
          if (window.length === 0 && busy.size === 0) {
            failure ??= new Error(`The verification queue lists no task for ${byCaseStudy.size - dispatched.size} submitted case studies`);
            wake();
          } else if (window.length === 0) {
            await new Promise<void>((resolve) => waiting.push(resolve));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    if (failure !== undefined) throw failure;
  }

  /**
   * The market names who verifies what; the server draws reviewers at random, so an admin offers
   * the task to the market's reviewer (`assignTask`) before they accept it. The random draw itself
   * is not what this mode compares.
   */
  private async offerTo(taskId: string, reviewerId: string, what: string): Promise<boolean> {
    // The admins take turns: each is one user under the per-user limit on changes.
    const admin = this.admins[this.assignments++ % this.admins.length];
    const res = await admin.request(Q.assign, { taskId, reviewerId });
    if (!res.errors) return true;
    if (res.errors[0].extensions?.code !== 'FORBIDDEN') throw new RequestRefused(`assignTask ${what}`, refusalOf(res) ?? '', '', res.errors[0].message);
    return false;
  }

  private async verifyOne(v: PushedVendor, cs: PushedCaseStudy, taskId: string, reviewers: Array<{ client: HttpGraphQLClient; userId: string }>): Promise<void> {
    const plan = cs.plan.verification;
    // The market's reviewer, or the next one when the server refuses (at most 3 verdicts per vendor and year).
    let by = -1;
    for (let k = 0; k < reviewers.length && by < 0; k++) {
      const candidate = (plan.reviewerIndex + k) % reviewers.length;
      if (!(await this.offerTo(taskId, reviewers[candidate].userId, cs.plan.marketId))) continue;
      const res = await reviewers[candidate].client.request<{ claimTask: { caseStudy: { outcomes: Array<{ id: string }> } } }>(Q.claim, { taskId });
      if (res.data) {
        this.expect(v.plan.marketId, `claimed outcomes of ${cs.plan.marketId}`, cs.outcomeIds.join(','), res.data.claimTask.caseStudy.outcomes.map((o) => o.id).join(','));
        by = candidate;
      } else if (res.errors?.[0].extensions?.code !== 'FORBIDDEN') {
        throw new RequestRefused(`claimTask ${cs.plan.marketId}`, refusalOf(res) ?? '', '', res.errors?.[0].message ?? '');
      }
    }
    if (by < 0) throw new Error(`No reviewer could take the task of ${cs.plan.marketId}`);
    if (by !== plan.reviewerIndex) this.count('reassignedToAnotherReviewer');
    cs.claimedBy = by;
    this.count('claims');
    if (plan.kind === 'claim') {
      this.count('claimedWithoutVerdictYet');
      return;
    }
    const results = cs.plan.outcomes.map((o) => ({ result: o.reviewerResult, value: o.reviewerValue }));
    cs.verdict = await this.submitVerdict(reviewers[by].client, taskId, cs, results, plan.handover, plan.productionStatus, by, reviewers[by].userId);
    this.expect(v.plan.marketId, `status of verdict on ${cs.plan.marketId}`, verdictStatus(cs.plan, results), cs.verdict.serverStatus);
    this.count('verdicts');
  }

  private async submitVerdict(
    client: HttpGraphQLClient,
    taskId: string,
    cs: PushedCaseStudy,
    results: PushedVerdict['results'],
    handover: PushedVerdict['handover'],
    productionStatus: string,
    by: number,
    userId: string,
  ): Promise<PushedVerdict> {
    const res = await client.must<{ submitVerdict: { id: string; status: string; createdAt: string } }>(`submitVerdict ${cs.plan.marketId}`, Q.verdict, {
      input: {
        taskId,
        outcomes: results.map((r, i) => ({ outcomeClaimId: cs.outcomeIds[i], result: r.result, verifiedValue: r.value })),
        productionStatus,
        handover,
        rubric: RUBRIC,
        notes: '',
        conflictDeclaration: 'None.',
        noConflictOfInterest: true,
      },
    });
    return { id: res.submitVerdict.id, by, userId, results, handover, serverStatus: res.submitVerdict.status, createdAt: res.submitVerdict.createdAt };
  }

  private async spotCheck(vendors: PushedVendor[], auditors: Array<{ client: HttpGraphQLClient; userId: string }>): Promise<void> {
    const admin = auditors[0].client;
    await inLanes(vendors, async (v) => {
      for (const cs of v.caseStudies) {
        if (!cs.verdict || !cs.plan.spotCheck) continue;
        // When a rule already asked for a check of this verdict (a new reviewer, a high-impact claim,
        // one in ten at random), the server returns that one and the auditor takes it.
        const task = await admin.must<{ requireSpotCheck: string }>('requireSpotCheck', Q.spotCheck, { id: cs.id });
        const taskId = task.requireSpotCheck;
        // An admin who knows the truth re-checks it; admins too verify a vendor at most 3 times a year.
        let by = -1;
        for (let k = 0; k < auditors.length && by < 0; k++) {
          if (!(await this.offerTo(taskId, auditors[k].userId, cs.plan.marketId))) continue;
          const res = await auditors[k].client.request(Q.claim, { taskId });
          if (res.data) by = k;
          else if (res.errors?.[0].extensions?.code !== 'FORBIDDEN') throw new RequestRefused(`claimTask (spot check) ${cs.plan.marketId}`, refusalOf(res) ?? '', '', res.errors?.[0].message ?? '');
        }
        if (by < 0) throw new Error(`No admin could take the spot check of ${cs.plan.marketId}`);
        const results = cs.plan.outcomes.map((o) => ({ result: o.truthResult, value: o.truthValue }));
        cs.spotCheck = await this.submitVerdict(auditors[by].client, taskId, cs, results, cs.plan.verification.handover, cs.plan.verification.productionStatus, by, auditors[by].userId);
        this.expect(v.plan.marketId, `status of spot check on ${cs.plan.marketId}`, verdictStatus(cs.plan, results), cs.spotCheck.serverStatus);
        this.count('spotChecks');
        if (!verdictsAgree(verdictAssessment(cs.plan, results), verdictAssessment(cs.plan, cs.verdict.results))) this.count('spotChecksDisagreeing');
      }
    });
  }

  /** The instants the server stamped, and a last look at every status the record expects. */
  private async readBack(vendors: PushedVendor[], owners: Map<string, HttpGraphQLClient>): Promise<void> {
    await inLanes(vendors, async (v) => {
      const res = await owners.get(v.id)!.must<{
        vendorCaseStudies: Array<{
          id: string;
          status: string;
          submittedAt: string | null;
          client: { domain: string | null; domainStanding: { standing: ClientDomainStanding; reason: string } | null };
          references: Array<{ id: string; status: string; createdAt: string; answeredAt: string | null }>;
        }>;
      }>('vendorCaseStudies', Q.readBack, { vendorId: v.id });
      const byId = new Map(res.vendorCaseStudies.map((c) => [c.id, c]));
      for (const cs of v.caseStudies) {
        const server = byId.get(cs.id);
        if (!server) throw new Error(`Case study ${cs.plan.marketId} is missing from vendorCaseStudies`);
        const expected = !cs.submitted ? 'draft' : cs.verdict ? verdictStatus(cs.plan, cs.verdict.results) : cs.claimedBy !== undefined ? 'in_verification' : 'submitted';
        this.expect(v.plan.marketId, `status of ${cs.plan.marketId}`, expected, server.status);
        cs.submittedAt = server.submittedAt ?? undefined;
        // The server judges the client domain from outside facts (DNS, RDAP, other vendors' claims) the simulation does not have.
        const standing = server.client.domainStanding;
        cs.clientDomain = standing && server.client.domain ? { domain: server.client.domain, standing: standing.standing, reason: standing.reason } : undefined;
        const refs = new Map(server.references.map((r) => [r.id, r]));
        for (const r of cs.references) {
          const sr = refs.get(r.id);
          if (!sr) throw new Error(`Reference ${r.plan.marketId} is missing from vendorCaseStudies`);
          this.expect(v.plan.marketId, `status of reference ${r.plan.marketId}`, r.status, sr.status);
          r.requestedAt = sr.createdAt;
          r.answeredAt = sr.answeredAt ?? undefined;
        }
      }
    });
  }

  httpRequests(): number {
    return this.clients.reduce((n, c) => n + c.sent, 0);
  }
}

interface SignalsRow {
  vendor_id: string;
  assay_mean: number;
  assay_lower: number;
  assay_upper: number;
  evidence_depth: number;
  verified_case_studies: number;
  flag_count: number;
  computed_at: Date;
  signals: VendorSignals;
}

async function storedRows(ds: DataSource, vendorIds: string[]): Promise<Map<string, StoredSignalsRow>> {
  const rows: SignalsRow[] = await ds.query(
    `SELECT vendor_id, assay_mean, assay_lower, assay_upper, evidence_depth, verified_case_studies, flag_count, computed_at, signals FROM vendor_signals WHERE vendor_id = ANY($1::uuid[])`,
    [vendorIds],
  );
  return new Map(
    rows.map((r) => [
      r.vendor_id,
      {
        vendorId: r.vendor_id,
        assayMean: r.assay_mean,
        assayLower: r.assay_lower,
        assayUpper: r.assay_upper,
        evidenceDepth: r.evidence_depth,
        verifiedCaseStudies: r.verified_case_studies,
        flagCount: r.flag_count,
        computedAt: r.computed_at.toISOString(),
        signals: r.signals,
      },
    ]),
  );
}

function verifiedCount(e: VendorEvidence): number {
  return e.caseStudies.filter((c) => c.status === 'verified' || c.status === 'partially_verified').length;
}

/** Compares every pushed vendor's stored row with the library's signals on the record at the row's own instant. */
function compare(phase: SignalMismatch['phase'], record: PushRecord, rows: Map<string, StoredSignalsRow>, market: MarketContext, at?: string): { result: ComparisonResult; evidence: Map<string, VendorEvidence> } {
  const evidence = evidenceFromRecord(record, (vendorId) => at ?? rows.get(vendorId)?.computedAt ?? new Date().toISOString());
  const result: ComparisonResult = { vendorsCompared: 0, valuesCompared: 0, largestDifference: 0, mismatches: [] };
  for (const v of record.vendors) {
    const e = evidence.get(v.id)!;
    const row = rows.get(v.id);
    if (!row) {
      // A vendor without a row must have no evidence at all (nothing was ever submitted).
      if (e.caseStudies.length || e.references.length) result.mismatches.push({ phase, vendor: v.plan.marketId, vendorId: v.id, signal: 'row', server: null, library: 'a row' });
      continue;
    }
    const expected = computeVendorSignals(e, DEFAULT_SIGNAL_CONFIG, { market });
    const { compared, mismatches } = compareSignals(phase, v.plan.marketId, row, expected, verifiedCount(e));
    result.vendorsCompared++;
    result.valuesCompared += compared;
    result.mismatches.push(...mismatches);
    for (const key of ['verifiedDelivery', 'claimAccuracy', 'productionDurability', 'clientEndorsement', 'handover', 'evidenceDepth', 'referenceResponseRate', 'assay'] as const) {
      for (const field of ['mean', 'lower', 'upper', 'effectiveN'] as const) {
        result.largestDifference = Math.max(result.largestDifference, Math.abs(row.signals[key][field] - expected[key][field]));
      }
    }
  }
  return { result, evidence };
}

/** Boots the real app (on `databaseUrl`, DATABASE_URL or an embedded PostgreSQL), pushes the market, checks the signals. */
export async function runViaApi(options: ViaApiOptions): Promise<ViaApiResult> {
  if (!Number.isInteger(options.vendorCount) || options.vendorCount < MIN_VIA_API_VENDORS) {
    throw new Error(`--via-api needs at least ${MIN_VIA_API_VENDORS} vendors (got ${options.vendorCount}).`);
  }
  const started = Date.now();
  const log = (line: string) => options.log?.(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const market = generateMarket(options.seed, { vendorCount: options.vendorCount });
  const plan = planMarketPush(market);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-via-api-'));
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    ASSAY_DATA_DIR: dataDir,
    ASSAY_EMBEDDED_PG_PORT: String(await freePort()),
    ASSAY_SEED: 'false',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ASSAY_PUBLIC_URL: 'http://assay.simulation.example',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const config = loadConfig(env);
  let app: INestApplication | undefined;
  let stopDatabase: () => Promise<void> = async () => undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await app?.close().catch(() => undefined);
    await stopDatabase().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  try {
    log(databaseUrl ? 'using the database at DATABASE_URL' : `starting an embedded PostgreSQL in ${dataDir}`);
    const db = await provisionDatabase(config);
    stopDatabase = db.stop;
    const ds = await openDataSource({ url: db.url, poolSize: 2, migrate: true });
    try {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM organizations`);
      if (n > 0) throw new Error(`--via-api needs an empty database, and this one already has ${n} organizations: point DATABASE_URL at a new database (or unset it for a temporary embedded one).`);
    } finally {
      await ds.destroy();
    }
    app = await createApp(config, db.url, { logger: false });
    // The job workers run as in production: mail, expiry, and the evidence-outbox drain.
    await startJobs(app, config);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    log(`the API is listening at ${url}; pushing ${plan.vendors.length} vendors (seed ${options.seed})`);

    const pusher = new Pusher(url, app, plan, log);
    const record = await pusher.run();
    const appDs = app.get(DataSource);
    const vendorIds = record.vendors.map((v) => v.id);

    log('waiting for the evidence outbox to drain');
    const drainStarted = Date.now();
    await app.get(EvidenceEventsService).waitUntilDrained(120_000);
    log(`drained in ${Date.now() - drainStarted} ms; comparing every stored row with @assay/signals on the record`);
    const incremental = compare('incremental', record, await storedRows(appDs, vendorIds), DEFAULT_MARKET_CONTEXT);

    log('refreshing the market context and recomputing every vendor');
    const signals = app.get(SignalsService);
    const at = new Date();
    const serverMarket = await signals.refreshMarket(at);
    await signals.recomputeAll({ now: at });
    const libraryMarket = computeMarketContext([...evidenceFromRecord(record, () => at.toISOString()).values()], DEFAULT_SIGNAL_CONFIG);
    const recompute = compare('recompute', record, await storedRows(appDs, vendorIds), libraryMarket, at.toISOString());
    const medianMismatch = Math.abs(serverMarket.claimAccuracyMedian - libraryMarket.claimAccuracyMedian) > 1e-9;
    if (medianMismatch) {
      recompute.result.mismatches.push({ phase: 'recompute', vendor: 'market', vendorId: '', signal: 'claimAccuracyMedian', server: serverMarket.claimAccuracyMedian, library: libraryMarket.claimAccuracyMedian });
    }

    const finalRows = await storedRows(appDs, vendorIds);
    const vendors = record.vendors.map((v): VendorSummary => {
      const s = finalRows.get(v.id)?.signals;
      const e = recompute.evidence.get(v.id)!;
      return {
        vendor: v.plan.marketId,
        vendorId: v.id,
        adversarial: v.plan.adversarial,
        quality: v.plan.quality,
        caseStudiesSubmitted: e.caseStudies.length,
        verifiedCaseStudies: verifiedCount(e),
        selfReferences: e.references.filter((r) => r.identityStrength === 'self').length,
        assay: { mean: s?.assay.mean ?? Number.NaN, lower: s?.assay.lower ?? Number.NaN, upper: s?.assay.upper ?? Number.NaN },
        verifiedDelivery: s?.verifiedDelivery.mean ?? Number.NaN,
        clientEndorsement: s?.clientEndorsement.mean ?? Number.NaN,
        flags: (s?.flags ?? []).map((f) => f.kind),
      };
    });
    const pushed = { vendors: plan.vendors.length, adversarialVendors: plan.vendors.filter((v) => v.adversarial).length, ...pusher.counts };
    const ok = pusher.mismatches.length === 0 && incremental.result.mismatches.length === 0 && recompute.result.mismatches.length === 0;
    return {
      seed: options.seed,
      vendorCount: options.vendorCount,
      marketNow: plan.marketNow,
      database: databaseUrl ? 'DATABASE_URL' : 'embedded',
      durationMs: Date.now() - started,
      httpRequests: pusher.httpRequests(),
      pushed,
      pushMismatches: pusher.mismatches,
      incremental: incremental.result,
      recompute: { ...recompute.result, marketMedian: { server: serverMarket.claimAccuracyMedian, library: libraryMarket.claimAccuracyMedian } },
      vendors,
      ok,
      evidence: recompute.evidence,
    };
  } finally {
    if (options.handleSignals) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
    await cleanup();
  }
}
