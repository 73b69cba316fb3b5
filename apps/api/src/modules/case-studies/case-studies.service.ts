import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { caseStudyViewer, transition, type CaseStudyEvent } from '@assay/domain';
import { z } from 'zod';
import { authorize, permits } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { EvidenceService } from '../evidence/evidence.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { LedgerService } from '../ledger/ledger.service';
import { CaseStudiesRepository, CaseStudyWithVendor } from './case-studies.repository';
import { validateCaseStudyDraft } from './case-study.rules';
import type { CaseStudyEntity } from './entities/case-study.entity';

const uuid = z.uuid();

/** Who may see what of a case study; `client`: the buyer organisation that proved the client domain (it sees its own name). */
export type CaseStudyAccess = 'owner' | 'admin' | 'client' | 'public';

@Injectable()
export class CaseStudiesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
    private readonly evidence: EvidenceService,
  ) {}

  /** How the viewer relates to the case study (what it shows them); null when they may not see it at all (the `publishedOrMine` rule). */
  accessOf(user: AuthenticatedUser | null, cs: Pick<CaseStudyEntity, 'vendorId' | 'status'>): CaseStudyAccess | null {
    return caseStudyViewer(user, cs);
  }

  /** A case study the viewer may see, or NOT_FOUND (drafts of others do not exist for them). */
  async get(ctx: RequestContext, id: string): Promise<{ cs: CaseStudyWithVendor; access: CaseStudyAccess }> {
    if (!uuid.safeParse(id).success) throw notFound('This case study');
    const cs = await this.caseStudies.findById(ctx, id);
    if (!cs) throw notFound('This case study');
    const user = await authorize(ctx, 'publishedOrMine', cs);
    return { cs, access: this.accessOf(user, cs)! };
  }

  async listForVendor(ctx: RequestContext, vendorId: string): Promise<Array<{ cs: CaseStudyWithVendor; access: CaseStudyAccess }>> {
    if (!uuid.safeParse(vendorId).success) throw notFound('This consultancy');
    const user = await ctx.user();
    const insider = permits(user, 'vendorMemberOrAdmin', { vendorId });
    const rows = await this.caseStudies.listForVendor(ctx, vendorId, insider);
    return rows.map((cs) => ({ cs, access: this.accessOf(user, cs)! }));
  }

  async revisions(ctx: RequestContext, id: string): Promise<Array<{ cs: CaseStudyWithVendor; access: CaseStudyAccess }>> {
    const { cs } = await this.get(ctx, id);
    const user = await ctx.user();
    return (await this.caseStudies.revisions(ctx, cs.lineageId))
      .map((r) => ({ cs: r, access: this.accessOf(user, r) }))
      .filter((r): r is { cs: CaseStudyWithVendor; access: CaseStudyAccess } => r.access !== null);
  }

  /** Members of the vendor start a draft. */
  async create(ctx: RequestContext, input: { vendorId: string } & Record<string, unknown>): Promise<CaseStudyWithVendor> {
    if (!uuid.safeParse(input.vendorId).success) throw notFound('This consultancy');
    const user = await authorize(ctx, 'vendorMember', { vendorId: input.vendorId });
    const checked = validateCaseStudyDraft(input, new Date());
    if (!checked.ok) throw badInput(checked.errors.length === 1 ? checked.errors[0].message : `Please correct the ${checked.errors.length} highlighted fields.`, checked.errors);
    const vendorKind: Array<{ kind: string }> = await this.tx.manager(ctx).query('SELECT kind FROM organizations WHERE id = $1', [input.vendorId]);
    if (vendorKind[0]?.kind !== 'vendor') throw badInput('Only consultancies (vendor organizations) publish case studies.', [], 'NOT_A_VENDOR');
    const id = await this.tx.run(ctx, async (tx) => {
      const id = randomUUID();
      const row = await this.caseStudies.insert(tx, { ...this.columns(checked.fields), id, lineageId: id, vendorId: input.vendorId, status: 'draft', revision: 1, createdById: user.id });
      await this.caseStudies.replaceOutcomes(tx, row.id, checked.outcomes);
      return row.id;
    });
    return (await this.caseStudies.findById(ctx, id))!;
  }

  /** Edits a draft; a stale `expectedVersion` is refused so no concurrent edit is lost. */
  async update(ctx: RequestContext, input: { id: string; expectedVersion: number } & Record<string, unknown>): Promise<CaseStudyWithVendor> {
    const checked = validateCaseStudyDraft(input, new Date());
    return this.tx.run(ctx, async (tx) => {
      const cs = await this.lockOwned(tx, input.id);
      if (cs.status !== 'draft') throw conflict('This case study was submitted and can no longer change. Start a revision to correct it.', 'CASE_STUDY_NOT_EDITABLE');
      if (cs.version !== input.expectedVersion) throw conflict('Someone else changed this draft since you opened it. Reload it to see their changes.', 'STALE_VERSION');
      if (!checked.ok) throw badInput(checked.errors.length === 1 ? checked.errors[0].message : `Please correct the ${checked.errors.length} highlighted fields.`, checked.errors);
      await this.caseStudies.update(tx, cs.id, { ...this.columns(checked.fields), version: cs.version + 1 });
      await this.caseStudies.replaceOutcomes(tx, cs.id, checked.outcomes);
      return (await this.caseStudies.findById(tx, cs.id))!;
    });
  }

  /**
   * Submits a draft for verification: it becomes immutable, references are drawn
   * at random from the vendor's roster and every usable reference is mailed its
   * link, a verification task enters the queue, and (for a revision) the previous
   * revision is marked superseded — all in one transaction.
   */
  /**
   * Marks a locked draft submitted (the submission use case has checked it and sent its
   * references and task first), supersedes the revision it corrects, and records the evidence event.
   */
  async markSubmitted(tx: RequestContext, cs: CaseStudyWithVendor): Promise<CaseStudyWithVendor> {
    this.assertTransition(cs, { type: 'submit' });
    const now = new Date();
    await this.caseStudies.update(tx, cs.id, { status: 'submitted', submittedAt: now, version: cs.version + 1 });
    if (cs.supersedesId) await this.caseStudies.update(tx, cs.supersedesId, { supersededAt: now });
    await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, cause: 'case_study_submitted' });
    return (await this.caseStudies.findById(tx, cs.id))!;
  }

  /** Withdraws a case study; it stays on record as withdrawn and is hidden from buyers. */
  async withdraw(ctx: RequestContext, id: string): Promise<CaseStudyWithVendor> {
    return this.tx.run(ctx, async (tx) => {
      const cs = await this.lockOwned(tx, id);
      this.assertTransition(cs, { type: 'withdraw' });
      await this.caseStudies.update(tx, cs.id, { status: 'withdrawn', withdrawnAt: new Date(), version: cs.version + 1 });
      await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, cause: 'case_study_withdrawn' });
      await this.ledger.append(tx, { kind: 'withdrawal', subjectId: cs.id });
      return (await this.caseStudies.findById(tx, cs.id))!;
    });
  }

  /** Starts a correction of a submitted case study as a new draft revision; the history stays. */
  async revise(ctx: RequestContext, id: string): Promise<CaseStudyWithVendor> {
    const user = await authorize(ctx, 'signedIn');
    const newId = await this.tx.run(ctx, async (tx) => {
      const cs = await this.lockOwned(tx, id);
      if (cs.status === 'draft') throw conflict('This is still a draft: edit it directly.', 'CASE_STUDY_IS_DRAFT');
      if (cs.status === 'withdrawn') throw conflict('A withdrawn case study cannot be revised.', 'CASE_STUDY_WITHDRAWN');
      if (cs.supersededAt) throw conflict('A newer revision of this case study exists; revise that one.', 'CASE_STUDY_SUPERSEDED');
      if (await this.caseStudies.hasOpenDraftRevision(tx, cs.lineageId)) throw conflict('A draft revision of this case study is already open.', 'REVISION_ALREADY_OPEN');
      const { id: _id, outcomes, vendorName: _v, vendor: _ve, createdAt: _c, updatedAt: _u, version: _ver, ...fields } = cs;
      const copy = await this.caseStudies.insert(tx, {
        ...fields,
        status: 'draft',
        revision: await this.caseStudies.nextRevision(tx, cs.lineageId),
        supersedesId: cs.id,
        supersededAt: null,
        submittedAt: null,
        verifiedAt: null,
        withdrawnAt: null,
        createdById: user.id,
      });
      await this.caseStudies.replaceOutcomes(
        tx,
        copy.id,
        outcomes.map(({ metricName, unit, direction, baselineValue, claimedValue, measuredAt, measurementMethod, methodNote }) => ({ metricName, unit, direction, baselineValue, claimedValue, measuredAt, measurementMethod, methodNote })),
      );
      // The evidence carries over to the revision (same blobs, new rows).
      await this.evidence.copyToRevision(tx, cs.id, copy.id);
      return copy.id;
    });
    return (await this.caseStudies.findById(ctx, newId))!;
  }

  /** Locks a case study of one of the caller's vendors (NOT_FOUND for strangers: drafts do not leak). */
  async lockOwned(tx: RequestContext, id: string): Promise<CaseStudyWithVendor> {
    await authorize(tx, 'signedIn');
    if (!uuid.safeParse(id).success) throw notFound('This case study');
    const cs = await this.caseStudies.findById(tx, id, true);
    if (!cs) throw notFound('This case study');
    await authorize(tx, 'myVendorsCaseStudy', cs);
    return cs;
  }

  /** Refuses an event the case study's state does not allow, with the workflow's own code. */
  assertTransition(cs: CaseStudyEntity, event: CaseStudyEvent): void {
    const result = transition(cs.status, event);
    if (!result.ok) throw conflict(result.message, result.code);
  }

  private columns(f: ReturnType<typeof validateCaseStudyDraft> extends infer R ? (R extends { ok: true; fields: infer F } ? F : never) : never): Partial<CaseStudyEntity> {
    return {
      title: f.title,
      clientName: f.client.name,
      clientDomain: f.client.domain.trim().toLowerCase(),
      clientAnonymised: f.client.anonymised,
      clientDescriptor: f.client.descriptor || null,
      problem: f.problem,
      approach: f.approach,
      startedOn: f.startedOn?.slice(0, 10) ?? null,
      endedOn: f.endedOn?.slice(0, 10) ?? null,
      teamSize: f.teamSize ?? null,
      stackTags: f.stackTags,
      productionStatus: f.productionStatus,
      productionSince: f.productionSince?.slice(0, 10) ?? null,
      retiredOn: f.retiredOn?.slice(0, 10) ?? null,
      handover: f.handover,
    };
  }
}
