import { Injectable } from '@nestjs/common';
import { transition } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository } from '../case-studies/case-studies.repository';
import { DisputeEntity, VerdictReplyEntity } from './entities/dispute.entity';
import { VerdictEntity, VerdictOutcomeEntity } from '../verification/entities/verdict.entity';
import { verdictSchema, VerificationService } from '../verification/verification.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { LedgerService } from '../ledger/ledger.service';

/** A vendor may dispute a verdict for this many days after it was recorded. */
export const DISPUTE_WINDOW_DAYS = 30;

const replySchema = z.object({ verdictId: z.uuid({ error: 'This verdict does not exist.' }), body: z.string().trim().min(1, 'Write your reply.').max(4000, 'At most 4,000 characters.') });
const disputeSchema = z.object({ verdictId: z.uuid({ error: 'This verdict does not exist.' }), reason: z.string().trim().min(20, 'Explain the dispute in at least 20 characters.').max(8000, 'At most 8,000 characters.') });
const resolveSchema = z.object({
  disputeId: z.uuid({ error: 'This dispute does not exist.' }),
  resolution: z.enum(['upheld', 'amended']),
  note: z.string().trim().min(3, 'Explain the decision.').max(8000, 'At most 8,000 characters.'),
  amendment: verdictSchema.omit({ taskId: true, conflictDeclaration: true, noConflictOfInterest: true }).nullish(),
});

/** Right of reply, disputes within 30 days, and their resolution by an admin. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly verification: VerificationService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
  ) {}

  async reply(ctx: RequestContext, input: unknown): Promise<VerdictReplyEntity> {
    const data = parseInput(replySchema, input);
    const verdict = await this.verdictOfMyVendor(ctx, data.verdictId);
    const user = await authorize(ctx, 'confirmedVendorMember', { vendorId: verdict.vendorId });
    const repo = this.tx.repo(ctx, VerdictReplyEntity);
    return repo.save(repo.create({ verdictId: verdict.id, authorId: user.id, body: data.body }));
  }

  async open(ctx: RequestContext, input: unknown): Promise<DisputeEntity> {
    const data = parseInput(disputeSchema, input);
    const verdict = await this.verdictOfMyVendor(ctx, data.verdictId);
    const user = await authorize(ctx, 'confirmedVendorMember', { vendorId: verdict.vendorId });
    return this.tx.run(ctx, async (tx) => {
      if (verdict.supersededById) throw conflict('This verdict was superseded; dispute the current one.', 'VERDICT_SUPERSEDED');
      if (verdict.kind === 'spot_check') throw conflict('Spot checks are internal; dispute the verdict in force.', 'NOT_DISPUTABLE');
      if (Date.now() - verdict.createdAt.getTime() > DISPUTE_WINDOW_DAYS * 86_400_000) {
        throw conflict(`A verdict can be disputed within ${DISPUTE_WINDOW_DAYS} days; this one is older.`, 'DISPUTE_WINDOW_CLOSED');
      }
      const cs = (await this.caseStudies.findById(tx, verdict.caseStudyId, true))!;
      const next = transition(cs.status, { type: 'dispute' });
      if (!next.ok) throw conflict(cs.status === 'disputed' ? 'This verdict is already under dispute.' : next.message, 'DISPUTE_NOT_ALLOWED');
      await this.caseStudies.update(tx, cs.id, { status: next.to });
      const repo = this.tx.repo(tx, DisputeEntity);
      const dispute = await repo.save(repo.create({ verdictId: verdict.id, caseStudyId: cs.id, vendorId: cs.vendorId, openedById: user.id, reason: data.reason, status: 'open' }));
      await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, cause: 'dispute_opened' });
      await this.ledger.append(tx, { kind: 'dispute', subjectId: dispute.id });
      return dispute;
    });
  }

  /** An admin upholds the verdict, or amends it with a new verdict that supersedes it (history kept). */
  async resolve(ctx: RequestContext, input: unknown): Promise<DisputeEntity> {
    const admin = await authorize(ctx, 'admin');
    const data = parseInput(resolveSchema, input);
    if (data.resolution === 'amended' && !data.amendment) {
      throw badInput('An amendment needs the corrected results for every outcome.', [{ field: 'amendment', message: 'Required when amending.' }]);
    }
    return this.tx.run(ctx, async (tx) => {
      const dispute = await this.tx.repo(tx, DisputeEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: data.disputeId }).getOne();
      if (!dispute) throw notFound('This dispute');
      if (dispute.status !== 'open') throw conflict('This dispute is already resolved.', 'DISPUTE_RESOLVED');
      const verdict = (await this.tx.repo(tx, VerdictEntity).findOneBy({ id: dispute.verdictId }))!;
      const cs = (await this.caseStudies.findById(tx, dispute.caseStudyId, true))!;
      // Whoever decides a dispute must be as independent as a reviewer.
      await this.verification.assertUnconflicted(tx, admin, cs);
      let amendedVerdictId: string | null = null;
      if (data.resolution === 'upheld') {
        const next = transition(cs.status, { type: 'resolve_dispute', resolution: 'upheld', originalStatus: verdict.status });
        if (!next.ok) throw conflict(next.message, next.code);
        await this.caseStudies.update(tx, cs.id, { status: next.to });
      } else {
        const amendment = data.amendment!;
        const { status, rows } = this.verification.assess(cs.outcomes, amendment.outcomes);
        const repo = this.tx.repo(tx, VerdictEntity);
        const amended = await repo.save(
          repo.create({
            taskId: verdict.taskId,
            caseStudyId: cs.id,
            vendorId: cs.vendorId,
            reviewerId: admin.id,
            kind: 'amendment',
            status,
            productionStatus: amendment.productionStatus,
            handover: amendment.handover,
            rubric: { ...amendment.rubric, notes: amendment.rubric.notes ?? '' },
            notes: amendment.notes ?? '',
            conflictDeclaration: 'Amended by an Assay administrator resolving a dispute.',
            supersedesId: verdict.id,
            supersededById: null,
          }),
        );
        await this.tx.repo(tx, VerdictOutcomeEntity).insert(rows.map((r) => ({ ...r, verdictId: amended.id })));
        await this.tx.repo(tx, VerdictEntity).update({ id: verdict.id }, { supersededById: amended.id });
        await this.verification.applyToCaseStudy(tx, cs, amended, rows, { type: 'resolve_dispute', resolution: 'amended', amendedStatus: status });
        amendedVerdictId = amended.id;
      }
      await this.tx.repo(tx, DisputeEntity).update({ id: dispute.id }, { status: data.resolution, resolutionNote: data.note, resolvedById: admin.id, resolvedAt: new Date(), amendedVerdictId });
      // An amendment is a verdict row of the administrator's: it moves their verdict totals.
      await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, reviewerId: amendedVerdictId ? admin.id : undefined, cause: 'dispute_resolved' });
      // Last, in the same transaction: the amending verdict, then the resolution itself.
      if (amendedVerdictId) await this.ledger.append(tx, { kind: 'verdict', subjectId: amendedVerdictId });
      await this.ledger.append(tx, { kind: 'dispute_resolution', subjectId: dispute.id });
      return (await this.tx.repo(tx, DisputeEntity).findOneBy({ id: dispute.id }))!;
    });
  }

  /** Replies to these verdicts, oldest first (the `Verdict.replies` field; whoever may see the verdict may see its replies). */
  repliesTo(ctx: RequestContext, verdictIds: readonly string[]): Promise<VerdictReplyEntity[]> {
    return this.tx.repo(ctx, VerdictReplyEntity).createQueryBuilder('r').where('r.verdict_id = ANY(:ids)', { ids: [...verdictIds] }).orderBy('r.created_at').getMany();
  }

  /** Disputes of these verdicts, oldest first (the `Verdict.disputes` field). */
  disputesOf(ctx: RequestContext, verdictIds: readonly string[]): Promise<DisputeEntity[]> {
    return this.tx.repo(ctx, DisputeEntity).createQueryBuilder('d').where('d.verdict_id = ANY(:ids)', { ids: [...verdictIds] }).orderBy('d.created_at').getMany();
  }

  /** Admins only, by the operation's rule in common/authz/policy.ts. */
  openDisputes(ctx: RequestContext): Promise<DisputeEntity[]> {
    return this.tx.repo(ctx, DisputeEntity).find({ where: { status: 'open' }, order: { createdAt: 'ASC' } });
  }

  private async verdictOfMyVendor(ctx: RequestContext, verdictId: string): Promise<VerdictEntity> {
    const verdict = await this.tx.repo(ctx, VerdictEntity).findOneBy({ id: verdictId });
    if (!verdict) throw notFound('This verdict');
    await authorize(ctx, 'vendorMember', { vendorId: verdict.vendorId });
    return verdict;
  }
}
