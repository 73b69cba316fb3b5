/**
 * `VendorEvidenceChanged`: what changed a vendor's evidence. Every use case that changes
 * what the signals read records exactly one such event in its own transaction; the signals
 * pipeline consumes it (see docs/signals-operations.md).
 */
export const EVIDENCE_CAUSES = [
  'case_study_submitted',
  'case_study_withdrawn',
  'reference_answered',
  'reference_declined',
  'reference_expired',
  'verdict_recorded',
  'spot_check_recorded',
  'dispute_opened',
  'dispute_resolved',
  'follow_up_sent',
  'follow_up_answered',
  'reviewer_affiliation_declared',
  'evidence_imported',
  'client_confirmation',
  'verdict_requeued',
  'client_domain_assessed',
] as const;

export type EvidenceCause = (typeof EVIDENCE_CAUSES)[number];

/**
 * The subject of a change: a vendor whose own evidence changed, and/or a reviewer whose
 * reliability or record changed (which moves every vendor that reviewer judged).
 */
export interface VendorEvidenceChanged {
  cause: EvidenceCause;
  vendorId?: string;
  reviewerId?: string;
}
