import { toCaseStudyObject } from '../case-studies/case-study.mapper';
import { toReferenceObject } from '../references/reference.mapper';
import type { ReviewerAffiliationEntity, ReviewerProfileEntity } from './entities/reviewer.entity';
import type { QueuedTaskObject, ReviewerAffiliationObject, ReviewerObject, VerdictObject, VerificationTaskObject } from './graphql/verification.object';
import type { QueuedTask } from './verification-tasks.repository';
import type { TaskView, VerdictView } from './verification.service';

/** A task in a list: the admin queue, or a reviewer's offers. */
export function toQueuedTaskObject(t: QueuedTask): QueuedTaskObject {
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    caseStudyId: t.caseStudyId,
    title: t.title,
    vendorName: t.vendorName,
    clientName: t.clientName,
    outcomeCount: t.outcomeCount,
    createdAt: t.createdAt,
    offeredToId: t.offeredToId,
    offerExpiresAt: t.offerExpiresAt,
    leasedToId: t.leasedToId,
    checkReasons: t.checkReasons,
  };
}

/** A verdict as the viewer may see it (the service decides whether its notes are visible). */
export function toVerdictObject({ verdict: v, outcomes, notesVisible }: VerdictView): VerdictObject {
  return {
    id: v.id,
    caseStudyId: v.caseStudyId,
    kind: v.kind,
    status: v.status,
    productionStatus: v.productionStatus as never,
    handover: v.handover as never,
    rubric: notesVisible ? v.rubric : { ...v.rubric, notes: null },
    notes: notesVisible ? v.notes : null,
    outcomes: outcomes.map((o) => ({ outcomeClaimId: o.outcomeClaimId, result: o.result, verifiedValue: o.verifiedValue, verifiedShare: o.verifiedShare })),
    supersedesId: v.supersedesId,
    supersededById: v.supersededById,
    createdAt: v.createdAt,
  };
}

/** A held task: the case study and its references with their answers, as the leaseholder sees them. */
export function toTaskObject(view: TaskView): VerificationTaskObject {
  return {
    id: view.task.id,
    kind: view.task.kind,
    checkReasons: view.task.checkReasons,
    status: view.task.status,
    leaseExpiresAt: view.task.leaseExpiresAt,
    caseStudy: view.task.kind === 'spot_check' ? blind(toCaseStudyObject(view.caseStudy, 'admin')) : toCaseStudyObject(view.caseStudy, 'admin'),
    references: view.references.map((r) => ({
      ...toReferenceObject(r, 'admin'),
      answer: r.response
        ? {
            declined: r.response.declined,
            declineReason: r.response.declineReason,
            outcomes: r.response.outcomeAnswers,
            inProduction: r.response.inProduction,
            handoverRating: r.response.handoverRating,
            onTime: r.response.onTime,
            onBudget: r.response.onBudget,
            communication: r.response.communication,
            wouldHireAgain: r.response.wouldHireAgain,
            comments: r.response.comments,
            answeredAt: r.response.createdAt,
          }
        : null,
    })),
  };
}

export type ReviewerWithAffiliations = ReviewerProfileEntity & { email: string; displayName: string; affiliations: ReviewerAffiliationEntity[] };
export type { ReviewerAffiliationObject, ReviewerObject };

/**
 * A check is blind: its reviewer sees the claims and the evidence, not what the checked verdict
 * found (no verified values or statuses, no verification status of the case study).
 */
function blind(cs: ReturnType<typeof toCaseStudyObject>): ReturnType<typeof toCaseStudyObject> {
  return {
    ...cs,
    status: 'in_verification' as typeof cs.status,
    verifiedAt: null,
    outcomes: cs.outcomes.map((o) => ({ ...o, verifiedValue: null, verificationStatus: 'pending' as typeof o.verificationStatus })),
  };
}
