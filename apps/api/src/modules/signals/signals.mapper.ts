import { type EvidenceTrendSummary, type ExplanationItem, type Methodology, type SignalEstimate, type SignalKey, SIGNAL_KEYS, type TrendWindowSummary } from '@assay/signals';
import { VendorSignalsEntity } from './entities/vendor-signals.entity';
import type { MethodologyObject, SignalHintsObject } from './graphql/methodology.object';
import type { EvidenceTrendObject, ExplanationItemObject, SignalEstimateObject, TrendWindowObject, VendorSignalsObject } from './graphql/vendor-signals.object';

const estimate = (e: SignalEstimate): SignalEstimateObject => ({ mean: e.mean, lower: e.lower, upper: e.upper, evidenceCount: e.evidenceCount, effectiveN: e.effectiveN });

/**
 * A `vendor_signals` row read with raw SQL (snake_case columns, or the same keys built with
 * `jsonb_build_object`, where timestamps arrive as strings) → the entity.
 */
export function signalsEntityFromRow(row: Record<string, unknown>): VendorSignalsEntity {
  return Object.assign(new VendorSignalsEntity(), {
    vendorId: row.vendor_id as string,
    assayMean: Number(row.assay_mean),
    assayLower: Number(row.assay_lower),
    assayUpper: Number(row.assay_upper),
    evidenceDepth: Number(row.evidence_depth),
    productionDurabilityMean: Number(row.production_durability_mean),
    verifiedCaseStudies: Number(row.verified_case_studies),
    lastVerifiedAt: row.last_verified_at ? new Date(row.last_verified_at as string | Date) : null,
    flagCount: Number(row.flag_count),
    signals: row.signals as VendorSignalsEntity['signals'],
    configVersion: row.config_version as string,
    inputsVersion: Number(row.inputs_version),
    computedAt: new Date(row.computed_at as string | Date),
  });
}

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
    vendorId: row.vendorId,
  };
}

const trendWindow = (w: TrendWindowSummary): TrendWindowObject => ({ mean: w.mean, lower: w.lower, upper: w.upper, outcomes: w.outcomes, caseStudies: w.caseStudies });

export function toEvidenceTrendObject(t: EvidenceTrendSummary): EvidenceTrendObject {
  return {
    windowDays: t.windowDays,
    since: new Date(t.since),
    recent: trendWindow(t.recent),
    earlier: trendWindow(t.earlier),
    comparable: t.comparable,
    departs: t.departs,
    declining: t.declining,
  };
}

export function toExplanationItem(i: ExplanationItem): ExplanationItemObject {
  return { evidenceId: i.evidenceId, caseStudyId: i.caseStudyId ?? null, kind: i.kind, weight: i.weight, factors: i.factors, effect: i.effect, sentence: i.sentence };
}

export function toMethodologyObject(m: Methodology): MethodologyObject {
  return {
    version: m.version,
    title: m.title,
    summary: m.summary,
    sections: m.sections.map((s) => ({ id: s.id, title: s.title, paragraphs: [...s.paragraphs] })),
    signals: m.signals.map((s) => ({ key: s.key, name: s.name, question: s.question, scale: s.scale, description: s.description, formula: s.formula, constants: [...s.constants], improve: [...s.improve] })),
    flags: m.flags.map((f) => ({ kind: f.kind, title: f.title, trigger: f.trigger, severity: f.severity, effect: f.effect, exampleSentence: f.exampleSentence })),
    constants: m.constants.map((c) => ({ path: c.path, value: String(c.value), numericValue: typeof c.value === 'number' ? c.value : null, meaning: c.meaning })),
  };
}

/** Hints in the library's signal order, one entry per signal. */
export function toSignalHints(hints: Record<SignalKey, string[]>): SignalHintsObject[] {
  return SIGNAL_KEYS.map((signal) => ({ signal, hints: [...(hints[signal] ?? [])] }));
}
