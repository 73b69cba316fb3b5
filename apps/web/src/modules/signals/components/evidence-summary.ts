// What a buyer reads first about a consultancy: whether there is enough verified evidence
// for a score at all, and the evidence behind it in one line. Pure, so tests pin the words.

/** A score is shown only from this many verified (or partly verified) case studies on. */
export const MIN_VERIFIED_CASE_STUDIES_FOR_A_SCORE = 1;

export const NOT_ENOUGH_EVIDENCE = 'Not enough verified evidence yet';

export interface EvidenceCountsLike {
  verifiedCaseStudies: number;
  clientEndorsement?: { evidenceCount?: number } | null;
}

/** Below the threshold the prior dominates the number, so no number is shown. */
export function hasEnoughEvidence(s: EvidenceCountsLike | null | undefined): boolean {
  return !!s && s.verifiedCaseStudies >= MIN_VERIFIED_CASE_STUDIES_FOR_A_SCORE;
}

/** Why there is no score, in one sentence. */
export function notEnoughEvidenceReason(s: EvidenceCountsLike | null | undefined): string {
  if (!s) return 'No case study has been submitted for verification yet.';
  return `Assay shows a score once at least ${MIN_VERIFIED_CASE_STUDIES_FOR_A_SCORE === 1 ? 'one case study has' : `${MIN_VERIFIED_CASE_STUDIES_FOR_A_SCORE} case studies have`} been checked by an independent reviewer.`;
}

/** "3 verified case studies · 4 client references". */
export function evidenceLine(s: EvidenceCountsLike): string {
  const parts = [count(s.verifiedCaseStudies, 'verified case study', 'verified case studies')];
  const refs = s.clientEndorsement?.evidenceCount ?? 0;
  parts.push(refs > 0 ? count(refs, 'client reference', 'client references') : 'no client references yet');
  return parts.join(' · ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
