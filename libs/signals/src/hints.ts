// "What would improve this signal": specific, honest hints for a vendor, drawn
// from its own evidence, followed by the general advice on the methodology page.
import { DEFAULT_SIGNAL_CONFIG, type SignalConfig } from './config';
import { methodology } from './methodology';
import { prepareEvidence } from './prepare';
import { durabilityState } from './signals/durability';
import { pct } from './stats';
import { SCORED_SIGNAL_KEYS, SIGNAL_KEYS, type SignalKey, type VendorEvidence, type VendorSignals } from './types';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Per signal, what this vendor could do to improve it (specific hints first). */
export function improvementHints(
  evidence: VendorEvidence,
  signals: VendorSignals,
  config: SignalConfig = DEFAULT_SIGNAL_CONFIG,
): Record<SignalKey, string[]> {
  const prep = prepareEvidence(evidence, config);
  const hints = Object.fromEntries(SIGNAL_KEYS.map((k) => [k, [] as string[]])) as Record<SignalKey, string[]>;

  let pending = 0;
  let unverifiable = 0;
  for (const cs of prep.caseStudies) {
    for (const o of cs.outcomes) {
      if (o.source.verificationStatus === 'pending') pending++;
      if (o.source.verificationStatus === 'unverifiable') unverifiable++;
    }
  }
  if (pending > 0) hints.verifiedDelivery.push(`${count(pending, 'outcome is', 'outcomes are')} waiting for verification; outcomes count once a reviewer has judged them.`);
  if (unverifiable > 0) {
    hints.verifiedDelivery.push(
      `${count(unverifiable, 'outcome', 'outcomes')} could not be verified; include the measurements a reviewer needs when you submit new case studies.`,
    );
  }
  if (signals.claimAccuracy.effectiveN > 0 && signals.claimAccuracy.mean < 1) {
    hints.claimAccuracy.push(`Reviewers verified about ${pct(signals.claimAccuracy.mean)} of the improvements you claim; claiming what you measured raises this.`);
  }

  let awaiting = 0;
  for (const cs of prep.caseStudies) {
    const { state } = durabilityState(prep, cs);
    if (state === 'censored_at_go_live' || state === 'censored_at_6_months') awaiting++;
  }
  if (awaiting > 0) hints.productionDurability.push(`${count(awaiting, 'project in production is', 'projects in production are')} waiting for +6/+12-month follow-up answers.`);

  const refs = prep.references.map((r) => r.source);
  const self = refs.filter((r) => r.identityStrength === 'self').length;
  const nominated = refs.filter((r) => r.source === 'nominated' && r.identityStrength !== 'self').length;
  const drawn = refs.filter((r) => r.source === 'drawn').length;
  const weak = refs.filter((r) => r.identityStrength === 'weak').length;
  if (self > 0) hints.clientEndorsement.push(`${count(self, 'reference on your own domain counts', 'references on your own domain count')} for nothing; ask the client’s people instead.`);
  if (nominated > drawn) {
    hints.clientEndorsement.push(
      `Most of your references are nominated (weight ${config.references.sourceWeight.nominated}); references drawn from your client roster weigh ${config.references.sourceWeight.drawn}.`,
    );
  }
  if (weak > 0) hints.clientEndorsement.push(`${count(weak, 'reference', 'references')} answered from free-mail; company addresses weigh more.`);
  if (!prep.caseStudies.some((c) => c.source.handoverByReviewer !== undefined)) {
    hints.handover.push('No reviewer has rated a handover yet; include handover documentation in your case studies.');
  }
  const unanswered = refs.filter((r) => r.source === 'drawn' && (r.status === 'expired' || r.status === 'declined')).length;
  if (unanswered > 0) hints.referenceResponseRate.push(`${count(unanswered, 'drawn reference request', 'drawn reference requests')} expired or were declined.`);
  if (signals.flags.some((f) => f.kind === 'no_recent_verification')) {
    hints.evidenceDepth.push('Nothing was verified recently; older evidence counts for less every year.');
  }
  const methods = methodology(config).signals;
  const weakest = [...SCORED_SIGNAL_KEYS].sort((a, b) => signals[a].lower - signals[b].lower)[0];
  const weakestName = methods.find((m) => m.key === weakest)?.name ?? weakest;
  hints.assay.push(`Your weakest signal at the lower end of its interval is ${weakestName.toLowerCase()}; see its hints.`);

  for (const method of methods) hints[method.key].push(...method.improve);
  return hints;
}
