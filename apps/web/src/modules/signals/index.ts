// The signals module's public surface: components other pages reuse (public vendor
// page, compare page) and the helpers that feed them. See README.md in this folder.
export { SignalForestPlot, ForestPlotLegend, type SignalForestPlotProps } from './components/SignalForestPlot';
export { FlagList, type FlagListProps, type FlagLike } from './components/FlagList';
export { IntervalBar } from './components/IntervalBar';
export { WhyThisScore } from './components/WhyThisScore';
export { ScoreHistoryChart, type SignalSnapshotLike } from './components/ScoreHistoryChart';
export { EvidenceTrend } from './components/EvidenceTrend';
export { type EvidenceTrendLike, showsTrend, trendSentence } from './components/evidence-trend';
export { topEvidenceSentences, plainDescription, formatPoints, type PlainEvidence } from './components/evidence-sentences';
export { evidenceLine, hasEnoughEvidence, MIN_VERIFIED_CASE_STUDIES_FOR_A_SCORE, NOT_ENOUGH_EVIDENCE, notEnoughEvidenceReason } from './components/evidence-summary';
export { ExplanationList, type ExplanationListProps, type ExplanationItemLike } from './components/ExplanationList';
export {
  forestPlotRows,
  formatEstimate,
  formatInterval,
  formatShare,
  formatShareOrDash,
  formatSources,
  isPriorOnly,
  NO_DATA_REASONS,
  SHARE_SIGNAL_KEYS,
  SIGNAL_KEYS,
  type ForestPlotRow,
  type ShareSignalKey,
  type SignalEstimateLike,
  type SignalKey,
} from './components/signal-format';
export { useSignalNames, type SignalName } from './hooks/use-signal-names';
export { vendorSignalFieldsFragment } from './graphql/signal-fields.fragment';
