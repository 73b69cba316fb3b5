// @assay/signals: the scoring mathematics of Assay — pure TypeScript, no framework, no I/O.

export * from './types';
export {
  type ConfigPath,
  configValue,
  DEFAULT_MARKET_CONTEXT,
  DEFAULT_SIGNAL_CONFIG,
  SIGNAL_CONFIG_DOCS,
  type SignalConfig,
} from './config';
export { type ComputeOptions, computeMarketContext, computeVendorSignals } from './compute';
export { rankVendors } from './rank';
export {
  clientDomainFlag,
  decliningEvidenceFlag,
  detectIntegrityFlags,
  disputedVerdictFlag,
  type FlagDefinition,
  flagDefinitions,
  freeMailFlag,
  lowResponseRateFlag,
  referenceBurstFlag,
  reviewerAffiliationFlag,
  reviewerConcentrationFlag,
  reviewerVendorAnomalyFlag,
  rosterCherryPickingFlag,
  selfReferenceFlag,
  sharedContactFlag,
  singleChampionFlag,
  staleVerificationFlag,
  submissionBurstFlag,
} from './integrity';
export {
  type ConstantDoc,
  type Methodology,
  type MethodologySection,
  methodology,
  renderMethodologyMarkdown,
  type SignalMethod,
} from './methodology';
export { improvementHints } from './hints';
export { trendSummary } from './trend';
export { type EvidenceTrend, isConcentrated, outcomeEvidenceMs, projectDateMs, reviewerInformativeness, reviewerReliability, type TrendWindow } from './prepare';
export { type DurabilityState } from './signals/durability';
export { capExplanations, type CappedExplanations, EXPLANATION_ITEMS_PER_SIGNAL, type StoredVendorSignals, withoutExplanations } from './explanations';
