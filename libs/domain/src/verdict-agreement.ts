// When two independent verdicts on the same case study agree: a spot check (or a blind second
// verdict) is compared outcome by outcome, not only by the case study's overall status, so a
// reviewer who confirms the status but inflates the verified values is caught.
import type { OutcomeVerificationResult } from './verdict-outcome';

/** Two verified shares (verified improvement ÷ claimed improvement) closer than this count as the same finding. */
export const AGREEMENT_SHARE_TOLERANCE = 0.1;

/** One verdict as compared: the overall status and, in the claims' order, each outcome's result and verified share. */
export interface VerdictFindings {
  status: string;
  outcomes: ReadonlyArray<{ result: OutcomeVerificationResult; verifiedShare: number }>;
}

export interface Disagreement {
  /** The outcome's position (0-based), or null for the overall status. */
  outcome: number | null;
  reason: string;
}

/** Every way the second verdict departs from the first; empty when they agree. */
export function verdictDisagreements(first: VerdictFindings, second: VerdictFindings): Disagreement[] {
  const found: Disagreement[] = [];
  if (first.status !== second.status) found.push({ outcome: null, reason: `the case study’s status differs (${first.status} against ${second.status})` });
  if (first.outcomes.length !== second.outcomes.length) {
    found.push({ outcome: null, reason: 'the verdicts judge a different number of outcomes' });
    return found;
  }
  first.outcomes.forEach((a, i) => {
    const b = second.outcomes[i];
    if (a.result !== b.result) found.push({ outcome: i, reason: `outcome ${i + 1}: ${a.result} against ${b.result}` });
    else if (Math.abs(a.verifiedShare - b.verifiedShare) > AGREEMENT_SHARE_TOLERANCE) {
      found.push({ outcome: i, reason: `outcome ${i + 1}: ${pct(a.verifiedShare)} of the claimed gain verified against ${pct(b.verifiedShare)}` });
    }
  });
  return found;
}

/** True when the two verdicts agree on the status and on every outcome's result and verified share. */
export function verdictsAgree(first: VerdictFindings, second: VerdictFindings): boolean {
  return verdictDisagreements(first, second).length === 0;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
