import type { INestApplication } from '@nestjs/common';
import { DEMO_PASSWORD } from '@assay/domain';
import { RequestContext, type AuthenticatedUser } from '../common/request-context';
import { TransactionService } from '../database/transaction.service';
import { AccountsService } from '../modules/accounts/accounts.service';
import { CaseStudiesService } from '../modules/case-studies/case-studies.service';
import { SubmissionsService } from '../modules/submissions/submissions.service';
import { ReferenceChecksService } from '../modules/references/reference-checks.service';
import { ReferencesService } from '../modules/references/references.service';
import { VendorDomainsService } from '../modules/vendors/vendor-domains.service';
import { DisputesService } from '../modules/disputes/disputes.service';
import { ReviewersService } from '../modules/verification/reviewers.service';
import { VerificationService } from '../modules/verification/verification.service';

export interface SeedVendor {
  id: string;
  name: string;
  ownerId: string;
  domain: string;
  capabilities: string[];
}

const PROJECTS: Record<string, Array<{ title: string; metric: string; unit: string; direction: 'higher_is_better' | 'lower_is_better'; baseline: number; claimed: number; method: 'held_out_test_set' | 'ab_test' | 'before_after_production' }>> = {
  nlp: [{ title: 'Claims triage with document classification', metric: 'Manual review share', unit: '%', direction: 'lower_is_better', baseline: 100, claimed: 35, method: 'before_after_production' }],
  computer_vision: [{ title: 'Visual defect detection on the packaging line', metric: 'Defect recall', unit: '%', direction: 'higher_is_better', baseline: 71, claimed: 94, method: 'held_out_test_set' }],
  forecasting: [{ title: 'Store-level demand forecasting', metric: 'Forecast error (WAPE)', unit: '%', direction: 'lower_is_better', baseline: 32, claimed: 21, method: 'held_out_test_set' }],
  recommender_systems: [{ title: 'Personalised product recommendations', metric: 'Revenue per session', unit: 'EUR', direction: 'higher_is_better', baseline: 2.1, claimed: 2.6, method: 'ab_test' }],
  llm_applications: [{ title: 'Support assistant grounded in the knowledge base', metric: 'Tickets resolved without an agent', unit: '%', direction: 'higher_is_better', baseline: 8, claimed: 31, method: 'ab_test' }],
  mlops: [{ title: 'Model deployment platform for the data science team', metric: 'Time from notebook to production', unit: 'days', direction: 'lower_is_better', baseline: 45, claimed: 4, method: 'before_after_production' }],
  data_engineering: [{ title: 'Feature store and data quality checks', metric: 'Pipeline incidents per month', unit: 'incidents', direction: 'lower_is_better', baseline: 14, claimed: 3, method: 'before_after_production' }],
  causal_inference: [{ title: 'Marketing mix and uplift measurement', metric: 'Wasted media spend identified', unit: '%', direction: 'higher_is_better', baseline: 0.5, claimed: 18, method: 'ab_test' }],
};
const CLIENTS = [
  ['Nordlicht Versicherung', 'nordlicht-versicherung.example', 'a German insurer'],
  ['Bellamare Foods', 'bellamare-foods.example', 'an Italian food manufacturer'],
  ['Harbor Logistics', 'harbor-logistics.example', 'a North American logistics company'],
  ['Sunvale Energy', 'sunvale-energy.example', 'a European energy utility'],
  ['Mercado Central', 'mercado-central.example', 'a Latin American retailer'],
  ['Kite Telecom', 'kite-telecom.example', 'an Asian telecom operator'],
] as const;

/**
 * Case studies, references, answers, verdicts, disputes and follow-ups through the
 * real services (never raw inserts that skip the rules). Each vendor has a hidden
 * quality that drives how well its claims survive, so the market has peaches and lemons.
 */
export async function seedDemoEvidence(app: INestApplication, vendors: SeedVendor[], adminId: string, rand: () => number, waning?: SeedVendor): Promise<{ caseStudies: number; verdicts: number }> {
  const tx = app.get(TransactionService);
  const caseStudies = app.get(CaseStudiesService);
  const submissions = app.get(SubmissionsService);
  const references = app.get(ReferencesService);
  const checks = app.get(ReferenceChecksService);
  const verification = app.get(VerificationService);
  const reviewers = app.get(ReviewersService);
  const disputes = app.get(DisputesService);
  const accounts = app.get(AccountsService);
  const domains = app.get(VendorDomainsService);
  const system = RequestContext.system();

  const actAs = async (userId: string): Promise<RequestContext> => {
    const rows: Array<{ email: string; display_name: string; platform_roles: string[] }> = await tx.manager(system).query('SELECT email, display_name, platform_roles FROM users WHERE id = $1', [userId]);
    const memberships: Array<{ organization_id: string; role: 'owner' | 'member' }> = await tx.manager(system).query('SELECT organization_id, role FROM memberships WHERE user_id = $1', [userId]);
    const user: AuthenticatedUser = { id: userId, email: rows[0].email, displayName: rows[0].display_name, platformRoles: rows[0].platform_roles, emailVerified: true, sessionId: 'seed', memberships: new Map(memberships.map((m) => [m.organization_id, m.role])) };
    return RequestContext.system(user);
  };
  const tokenOf = async (email: string): Promise<string | null> => {
    const rows: Array<{ text_body: string }> = await tx.manager(system).query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
    return /\/r\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '')?.[1] ?? null;
  };

  const admin = await actAs(adminId);
  for (let i = 1; i <= 5; i++) {
    const email = i === 1 ? 'reviewer@assay.demo' : `reviewer${i}@assay.demo`;
    const existing: Array<{ id: string }> = await tx.manager(system).query('SELECT id FROM users WHERE email = $1', [email]);
    if (!existing[0]) await accounts.createUser(system, { email, displayName: `Reviewer ${i}`, password: DEMO_PASSWORD, allowDemoPassword: true });
    await reviewers.accredit(admin, { email });
  }

  let created = 0;
  let verdictCount = 0;
  for (const [v, vendor] of vendors.entries()) {
    const quality = rand();
    const owner = await actAs(vendor.ownerId);
    // Every vendor proves its own domain through the emailed link, so self-references are recognised.
    await domains.add(owner, { vendorId: vendor.id, email: `it@${vendor.domain}` });
    const domainToken = /token=([A-Za-z0-9_-]+)/.exec(
      ((await tx.manager(system).query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [`it@${vendor.domain}`])) as Array<{ text_body: string }>)[0]?.text_body ?? '',
    )?.[1];
    if (domainToken) await domains.verify(RequestContext.system(), domainToken);
    const projects = 1 + Math.floor(rand() * 3);
    for (let p = 0; p < projects; p++) {
      const capability = vendor.capabilities[p % vendor.capabilities.length];
      const template = PROJECTS[capability]?.[0] ?? PROJECTS.forecasting[0];
      const [clientName, clientDomain, descriptor] = CLIENTS[Math.floor(rand() * CLIENTS.length)];
      const anonymised = rand() < 0.3;
      const draft = await caseStudies.create(owner, {
        vendorId: vendor.id,
        title: template.title,
        client: { name: clientName, domain: clientDomain, anonymised, descriptor: anonymised ? descriptor : null },
        // An anonymised client is named nowhere buyers read (the submit check refuses it).
        problem: `${anonymised ? descriptor.charAt(0).toUpperCase() + descriptor.slice(1) : clientName} needed to improve ${template.metric.charAt(0).toLowerCase() + template.metric.slice(1)}.`,
        approach: `A ${4 + Math.floor(rand() * 6)}-person team built, evaluated and handed over the system.`,
        startedOn: `202${3 + Math.floor(rand() * 2)}-0${1 + Math.floor(rand() * 8)}-01`,
        endedOn: null,
        teamSize: 3 + Math.floor(rand() * 8),
        stackTags: ['python', capability === 'llm_applications' ? 'rag' : 'mlflow'],
        productionStatus: rand() < 0.2 + 0.7 * quality ? 'in_production' : 'poc_only',
        productionSince: '2025-03-01',
        retiredOn: null,
        handover: quality > 0.6 ? 'client_alone' : quality > 0.3 ? 'joint' : 'vendor',
        outcomes: [{ metricName: template.metric, unit: template.unit, direction: template.direction, baselineValue: template.baseline, claimedValue: template.claimed, measuredAt: '2025-06-30', measurementMethod: template.method, methodNote: null }],
      });
      if (draft.productionStatus === 'poc_only') await tx.manager(system).query(`UPDATE case_studies SET production_since = NULL WHERE id = $1 AND status = 'draft'`, [draft.id]);
      created++;
      const contact = `cto.${v}.${p}@${clientDomain}`;
      await references.nominate(owner, { caseStudyId: draft.id, contactName: `Client lead ${v}-${p}`, contactEmail: contact, contactRole: 'Head of Data' }, (t, id) => caseStudies.lockOwned(t, id));
      if (quality < 0.25 && p === 0) {
        // Low-quality vendors try a self-reference; it is recorded as refused.
        await references.nominate(owner, { caseStudyId: draft.id, contactName: 'A colleague', contactEmail: `friend@${vendor.domain}`, contactRole: 'Partner' }, (t, id) => caseStudies.lockOwned(t, id));
      }
      if (p === projects - 1 && rand() < 0.25) continue; // some drafts stay drafts
      await submissions.submit(owner, draft.id);

      // The reference answers (or declines, or never answers).
      const token = await tokenOf(contact);
      const roll = rand();
      if (token && roll < 0.75) {
        const achieved = rand() < quality ? 'yes' : rand() < 0.5 ? 'partly' : 'no';
        await checks.answer(RequestContext.system(), token, {
          outcomes: draft.outcomes.map((o) => ({ outcomeClaimId: o.id, achieved, observedValue: null })),
          inProduction: rand() < 0.3 + 0.6 * quality ? 'yes' : 'no',
          handoverRating: Math.max(1, Math.min(5, Math.round(1 + quality * 4 + (rand() - 0.5)))),
          onTime: Math.max(1, Math.min(5, Math.round(2 + quality * 3))),
          onBudget: Math.max(1, Math.min(5, Math.round(2 + quality * 3 - rand()))),
          communication: Math.max(1, Math.min(5, Math.round(2 + quality * 3))),
          wouldHireAgain: rand() < quality,
          comments: quality > 0.5 ? 'They delivered what they promised and trained our team.' : 'Results were below what we were promised.',
        });
      } else if (token && roll < 0.85) {
        await checks.decline(RequestContext.system(), token, 'I have moved to another company.');
      }

      // Most submissions get a verdict, from the reviewer the draw offered the task to.
      const taskRows: Array<{ id: string; offered_to_id: string }> = await tx
        .manager(system)
        .query(`SELECT id, offered_to_id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'primary' AND status = 'offered'`, [draft.id]);
      if (taskRows[0] && rand() < 0.8) {
        const reviewer = await actAs(taskRows[0].offered_to_id);
        await verification.claim(reviewer, taskRows[0].id);
        const share = Math.min(1, Math.max(0, quality + (rand() - 0.5) * 0.3));
        const outcomes = draft.outcomes.map((o) => {
          const verifiedValue = o.baselineValue + (o.claimedValue - o.baselineValue) * share;
          return { outcomeClaimId: o.id, result: share >= 0.9 ? 'verified' : share >= 0.1 ? 'partially_verified' : 'refuted', verifiedValue: Math.round(verifiedValue * 100) / 100 };
        });
        const input = {
          taskId: taskRows[0].id,
          outcomes,
          productionStatus: draft.productionStatus,
          handover: draft.handover,
          rubric: { properBaseline: quality > 0.3, heldOutOrOnlineEvaluation: quality > 0.4, leakageChecked: quality > 0.5, monitoringInProduction: quality > 0.6 ? true : null, notes: '' },
          notes: share >= 0.9 ? 'Evaluation reproduced from the client’s holdout data.' : 'The verified improvement is smaller than claimed.',
          conflictDeclaration: 'None.',
          noConflictOfInterest: true as const,
        };
        const verdict = await verification.submitVerdict(reviewer, input);
        await completeOfferedChecks(app, actAs, draft.id, input);
        verdictCount++;
        if (verdict.status !== 'verified' && rand() < 0.3) {
          await disputes.reply(owner, { verdictId: verdict.id, body: 'We measured on a longer period, which the client agreed to.' });
          const dispute = await disputes.open(owner, { verdictId: verdict.id, reason: 'The reviewer compared against a baseline period we did not agree on.' });
          if (rand() < 0.5) await disputes.resolve(admin, { disputeId: dispute.id, resolution: 'upheld', note: 'The baseline period follows the contract; the verdict stands.' });
        }
      }
    }
  }
  if (waning) {
    const history = await seedDecliningHistory(app, waning, actAs, tokenOf);
    created += history.caseStudies;
    verdictCount += history.verdicts;
  }
  return { caseStudies: created, verdicts: verdictCount };
}

/** Days before now as an ISO date: the history stays "recent" and "earlier" whenever the demo is seeded. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The checks a rule asked for on a case study's verdict (a new reviewer's verdicts, high-impact
 * claims, one in ten at random), done by the reviewers the draw offered them to, who find what the
 * verdict found (`input`, the verdict's own input).
 */
async function completeOfferedChecks(app: INestApplication, actAs: (userId: string) => Promise<RequestContext>, caseStudyId: string, input: Record<string, unknown>): Promise<void> {
  const tx = app.get(TransactionService);
  const verification = app.get(VerificationService);
  const checks: Array<{ id: string; offered_to_id: string }> = await tx
    .manager(RequestContext.system())
    .query(`SELECT id, offered_to_id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'spot_check' AND status = 'offered'`, [caseStudyId]);
  for (const check of checks) {
    const checker = await actAs(check.offered_to_id);
    await verification.claim(checker, check.id);
    await verification.submitVerdict(checker, { ...input, taskId: check.id });
  }
}

/**
 * A consultancy whose projects of three to four years ago verified as claimed and whose projects of
 * the last year verify about a third of it (the `declining_recent_evidence` trend): three projects in
 * each window, dated by the project, each answered by its client and judged by the reviewer the
 * draw offered it to. Deterministic (no random draws), so it never disturbs the rest of the market.
 */
async function seedDecliningHistory(
  app: INestApplication,
  vendor: SeedVendor,
  actAs: (userId: string) => Promise<RequestContext>,
  tokenOf: (email: string) => Promise<string | null>,
): Promise<{ caseStudies: number; verdicts: number }> {
  const tx = app.get(TransactionService);
  const caseStudies = app.get(CaseStudiesService);
  const submissions = app.get(SubmissionsService);
  const references = app.get(ReferencesService);
  const checks = app.get(ReferenceChecksService);
  const verification = app.get(VerificationService);
  const system = RequestContext.system();
  const owner = await actAs(vendor.ownerId);
  const template = PROJECTS.forecasting[0];
  const projects = [
    { endedDaysAgo: 4 * 365 + 40, share: 1, client: CLIENTS[0] },
    { endedDaysAgo: 3 * 365 + 200, share: 0.95, client: CLIENTS[1] },
    { endedDaysAgo: 3 * 365 + 10, share: 1, client: CLIENTS[2] },
    { endedDaysAgo: 330, share: 0.35, client: CLIENTS[3] },
    { endedDaysAgo: 190, share: 0.27, client: CLIENTS[4] },
    { endedDaysAgo: 60, share: 0.3, client: CLIENTS[5] },
  ];
  let judged = 0;
  for (const [i, p] of projects.entries()) {
    const [clientName, clientDomain] = p.client;
    const ended = daysAgo(p.endedDaysAgo);
    const draft = await caseStudies.create(owner, {
      vendorId: vendor.id,
      title: `${template.title} for ${clientName}`,
      client: { name: clientName, domain: clientDomain, anonymised: false, descriptor: null },
      problem: `${clientName} needed to improve ${template.metric.charAt(0).toLowerCase() + template.metric.slice(1)}.`,
      approach: 'A five-person team built, evaluated and handed over the system.',
      startedOn: daysAgo(p.endedDaysAgo + 270),
      endedOn: ended,
      teamSize: 5,
      stackTags: ['python', 'mlflow'],
      productionStatus: 'in_production',
      productionSince: daysAgo(p.endedDaysAgo + 30),
      retiredOn: null,
      handover: p.share > 0.5 ? 'client_alone' : 'joint',
      outcomes: [{ metricName: template.metric, unit: template.unit, direction: template.direction, baselineValue: template.baseline, claimedValue: template.claimed, measuredAt: ended, measurementMethod: template.method, methodNote: null }],
    });
    const contact = `head.of.planning.${i}@${clientDomain}`;
    await references.nominate(owner, { caseStudyId: draft.id, contactName: `Planning lead ${i + 1}`, contactEmail: contact, contactRole: 'Head of Planning' }, (t, id) => caseStudies.lockOwned(t, id));
    await submissions.submit(owner, draft.id);
    const token = await tokenOf(contact);
    if (token) {
      await checks.answer(RequestContext.system(), token, {
        outcomes: draft.outcomes.map((o) => ({ outcomeClaimId: o.id, achieved: p.share > 0.5 ? 'yes' : 'partly', observedValue: null })),
        inProduction: 'yes',
        handoverRating: p.share > 0.5 ? 5 : 3,
        onTime: p.share > 0.5 ? 5 : 3,
        onBudget: 4,
        communication: p.share > 0.5 ? 5 : 3,
        wouldHireAgain: p.share > 0.5,
        comments: p.share > 0.5 ? 'They delivered what they promised and trained our team.' : 'The new team delivered far less than the sales deck promised.',
      });
    }
    const tasks: Array<{ id: string; offered_to_id: string }> = await tx
      .manager(system)
      .query(`SELECT id, offered_to_id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'primary' AND status = 'offered'`, [draft.id]);
    if (!tasks[0]) continue;
    const reviewer = await actAs(tasks[0].offered_to_id);
    await verification.claim(reviewer, tasks[0].id);
    const input = {
      taskId: tasks[0].id,
      outcomes: draft.outcomes.map((o) => ({
        outcomeClaimId: o.id,
        result: p.share >= 0.9 ? 'verified' : 'partially_verified',
        verifiedValue: Math.round((o.baselineValue + (o.claimedValue - o.baselineValue) * p.share) * 100) / 100,
      })),
      productionStatus: 'in_production' as const,
      handover: draft.handover,
      rubric: { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: p.share > 0.5, monitoringInProduction: p.share > 0.5 ? true : null, notes: '' },
      notes: p.share >= 0.9 ? 'Evaluation reproduced from the client’s holdout data.' : 'The verified improvement is about a third of the claim.',
      conflictDeclaration: 'None.',
      noConflictOfInterest: true as const,
    };
    await verification.submitVerdict(reviewer, input);
    await completeOfferedChecks(app, actAs, draft.id, input);
    judged++;
  }
  return { caseStudies: projects.length, verdicts: judged };
}
