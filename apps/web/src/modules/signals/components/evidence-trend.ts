// The vendor's recent evidence against its earlier evidence (`VendorSignals.trend`), in words and
// as rows of the forest plot. Pure, so test/static can check the sentences.
import { plural } from '../../../ui/format';
import { type ForestPlotRow, formatShare } from './signal-format';

export interface TrendWindowLike {
  mean?: number | null;
  lower?: number | null;
  upper?: number | null;
  outcomes: number;
  caseStudies: number;
}

export interface EvidenceTrendLike {
  windowDays: number;
  since: string;
  comparable: boolean;
  departs: boolean;
  declining: boolean;
  recent: TrendWindowLike;
  earlier: TrendWindowLike;
}

type Measured = TrendWindowLike & { mean: number; lower: number; upper: number };
const measured = (w: TrendWindowLike): w is Measured => typeof w.mean === 'number' && typeof w.lower === 'number' && typeof w.upper === 'number';

/** Shown only when both windows hold enough evidence to be compared (the API says so). */
export function showsTrend(trend: EvidenceTrendLike | null | undefined): trend is EvidenceTrendLike & { recent: Measured; earlier: Measured } {
  return Boolean(trend?.comparable && measured(trend.recent) && measured(trend.earlier));
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "18 months" for the 548-day window. */
export function trendWindowLabel(windowDays: number): string {
  const months = Math.round(windowDays / 30.4375);
  return months >= 2 ? `${months} months` : plural(windowDays, 'day', 'days');
}

const evidenceOf = (w: TrendWindowLike) => `${plural(w.outcomes, 'outcome', 'outcomes')} from ${plural(w.caseStudies, 'case study', 'case studies')}`;

/**
 * One sentence: which way the recent window went, and the two shares behind it, e.g. "Recent
 * evidence (last 18 months) is lower than earlier evidence: reviewers verified 27% of the claimed
 * gains on projects since June 2025 (4 outcomes from 2 case studies), against 95% before (…)."
 */
export function trendSentence(trend: EvidenceTrendLike & { recent: Measured; earlier: Measured }): string {
  const direction = !trend.departs ? 'is in line with' : trend.recent.mean < trend.earlier.mean ? 'is lower than' : 'is higher than';
  return (
    `Recent evidence (last ${trendWindowLabel(trend.windowDays)}) ${direction} earlier evidence: reviewers verified ${formatShare(trend.recent.mean)} of the claimed gains ` +
    `on projects since ${monthYear.format(new Date(trend.since))} (${evidenceOf(trend.recent)}), against ${formatShare(trend.earlier.mean)} before (${evidenceOf(trend.earlier)}).`
  );
}

/** What the trend does to the score, when it does anything. */
export function trendEffect(trend: EvidenceTrendLike): string | null {
  return trend.declining ? 'Because the recent projects verify clearly less, the earlier ones count for less in verified delivery and claim accuracy.' : null;
}

/**
 * The two windows as forest-plot rows: earlier first, recent (emphasised) below it. Labelled by
 * the cut-off month alone ("Before Jun 2025", "Since Jun 2025"): short enough for the plot's label
 * column in bold on a desktop and in two lines on a phone; the heading says which is which.
 */
export function trendRows(trend: EvidenceTrendLike & { recent: Measured; earlier: Measured }): ForestPlotRow[] {
  const since = shortMonthYear.format(new Date(trend.since));
  const row = (key: string, label: string, w: Measured, emphasis: boolean): ForestPlotRow => ({ key, label, mean: w.mean, lower: w.lower, upper: w.upper, emphasis });
  return [row('earlier', `Before ${since}`, trend.earlier, false), row('recent', `Since ${since}`, trend.recent, true)];
}
