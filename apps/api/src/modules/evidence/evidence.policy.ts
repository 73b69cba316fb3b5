import { checkEditable, type CaseStudyStatus } from '@assay/domain';
import { hasPlatformRole, requireUser } from '../../common/authz';
import { conflict, forbidden } from '../../common/errors';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';

/** What evidence authorization needs to know about a case study. */
export interface EvidenceCaseStudy {
  id: string;
  vendorId: string;
  status: CaseStudyStatus;
}

/**
 * Who may see a case study's evidence (list it, download its files): members of the
 * vendor, Assay admins, and the reviewers assigned to it (holding its verification
 * task, or having recorded a verdict on it) — never buyers or other vendors.
 */
export async function canReadEvidence(ctx: RequestContext, caseStudy: EvidenceCaseStudy, isAssignedReviewer: (userId: string) => Promise<boolean>): Promise<boolean> {
  const user = await ctx.user();
  if (!user) return false;
  if (user.memberships.has(caseStudy.vendorId) || hasPlatformRole(user, 'admin')) return true;
  return hasPlatformRole(user, 'reviewer') && (await isAssignedReviewer(user.id));
}

/** Signed in (else UNAUTHENTICATED) and allowed by {@link canReadEvidence} (else FORBIDDEN). */
export async function requireEvidenceReader(ctx: RequestContext, caseStudy: EvidenceCaseStudy, isAssignedReviewer: (userId: string) => Promise<boolean>): Promise<AuthenticatedUser> {
  const user = await requireUser(ctx);
  if (!(await canReadEvidence(ctx, caseStudy, isAssignedReviewer))) {
    throw forbidden('Only members of the consultancy, its assigned reviewers and Assay admins can see the evidence of this case study.', 'EVIDENCE_NOT_VISIBLE');
  }
  return user;
}

/** Evidence is added and removed by members of the vendor, and only while the case study is a draft. */
export async function requireEvidenceEditor(ctx: RequestContext, caseStudy: EvidenceCaseStudy): Promise<AuthenticatedUser> {
  const user = await requireUser(ctx);
  if (!user.memberships.has(caseStudy.vendorId)) {
    throw forbidden('Only members of the consultancy that wrote this case study can change its evidence.', 'NOT_A_MEMBER');
  }
  const editable = checkEditable(caseStudy.status);
  if (!editable.ok) throw conflict(editable.message, editable.code);
  return user;
}
