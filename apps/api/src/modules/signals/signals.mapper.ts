import type { ExplanationItem, SignalEstimate } from '@assay/signals';
import type { VendorSignalsEntity } from './entities/vendor-signals.entity';
import type { ExplanationItemObject, SignalEstimateObject, VendorSignalsObject } from './graphql/vendor-signals.object';

const estimate = (e: SignalEstimate): SignalEstimateObject => ({ mean: e.mean, lower: e.lower, upper: e.upper, evidenceCount: e.evidenceCount, effectiveN: e.effectiveN });

/** Stored row → API type (explanations are resolved separately, on demand). */
export function toVendorSignalsObject(row: VendorSignalsEntity): VendorSignalsObject {
  const s = row.signals;
  return {
    assay: estimate(s.assay),
    verifiedDelivery: estimate(s.verifiedDelivery),
    claimAccuracy: estimate(s.claimAccuracy),
    productionDurability: estimate(s.productionDurability),
    clientEndorsement: estimate(s.clientEndorsement),
    handover: estimate(s.handover),
    evidenceDepth: estimate(s.evidenceDepth),
    referenceResponseRate: estimate(s.referenceResponseRate),
    flags: s.flags.map((f) => ({ kind: f.kind, severity: f.severity, sentence: f.sentence, effect: f.effect })),
    verifiedCaseStudies: row.verifiedCaseStudies,
    lastVerifiedAt: row.lastVerifiedAt,
    computedAt: row.computedAt,
    configVersion: row.configVersion,
    explanationsSource: s.explanations as unknown as Record<string, unknown[]>,
  };
}

export function toExplanationItem(i: ExplanationItem): ExplanationItemObject {
  return { evidenceId: i.evidenceId, caseStudyId: i.caseStudyId ?? null, kind: i.kind, weight: i.weight, factors: i.factors, effect: i.effect, sentence: i.sentence };
}
