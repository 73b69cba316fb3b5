// The vendor page's trend section in words (issue 15): shown only when both windows can be
// compared, one sentence that says which way the recent evidence went, and the two plot rows.
import { showsTrend, trendEffect, trendRows, trendSentence, trendWindowLabel, type EvidenceTrendLike } from '../../apps/web/src/modules/signals/components/evidence-trend';

const window = (mean: number | null, outcomes: number, caseStudies: number) => ({ mean, lower: mean === null ? null : Math.max(0, mean - 0.1), upper: mean === null ? null : Math.min(1, mean + 0.1), outcomes, caseStudies });
const declining: EvidenceTrendLike = {
  windowDays: 548,
  since: '2025-06-02T12:00:00.000Z',
  comparable: true,
  departs: true,
  declining: true,
  recent: window(3 / 11, 4, 2),
  earlier: window(10.5 / 11, 4, 2),
};

describe('the evidence trend on the vendor page', () => {
  it('is shown only when both windows can be compared', () => {
    expect(showsTrend(declining)).toBe(true);
    expect(showsTrend({ ...declining, comparable: false })).toBe(false);
    expect(showsTrend({ ...declining, recent: window(null, 0, 0) })).toBe(false);
    expect(showsTrend(null)).toBe(false);
  });

  it('says in one sentence that recent evidence is lower, with both shares and what is behind them', () => {
    if (!showsTrend(declining)) throw new Error('unreachable');
    expect(trendSentence(declining)).toBe(
      'Recent evidence (last 18 months) is lower than earlier evidence: reviewers verified 27% of the claimed gains on projects since June 2025 (4 outcomes from 2 case studies), against 95% before (4 outcomes from 2 case studies).',
    );
    expect(trendEffect(declining)).toMatch(/earlier ones count for less/);
  });

  it('says "higher" for a recent window that departs upwards and "in line" for one that does not depart, with no effect on the score', () => {
    const better = { ...declining, declining: false, recent: window(0.9, 3, 2), earlier: window(0.4, 5, 3) };
    const steady = { ...declining, departs: false, declining: false, recent: window(0.8, 1, 1), earlier: window(0.85, 6, 3) };
    if (!showsTrend(better) || !showsTrend(steady)) throw new Error('unreachable');
    expect(trendSentence(better)).toMatch(/^Recent evidence \(last 18 months\) is higher than earlier evidence: reviewers verified 90% .* \(3 outcomes from 2 case studies\), against 40% before/);
    expect(trendSentence(steady)).toMatch(/^Recent evidence \(last 18 months\) is in line with earlier evidence: .*\(1 outcome from 1 case study\)/);
    expect(trendEffect(better)).toBeNull();
    expect(trendEffect(steady)).toBeNull();
  });

  it('draws earlier above recent, the recent window emphasised, labelled by the cut-off month', () => {
    if (!showsTrend(declining)) throw new Error('unreachable');
    expect(trendRows(declining).map((r) => [r.key, r.label, r.emphasis])).toEqual([
      ['earlier', 'Before Jun 2025', false],
      ['recent', 'Since Jun 2025', true],
    ]);
    expect(trendWindowLabel(548)).toBe('18 months');
    expect(trendWindowLabel(30)).toBe('30 days');
  });
});
