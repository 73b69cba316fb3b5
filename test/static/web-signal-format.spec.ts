// Unit tests of the web app's pure signal helpers (apps/web has no test runner of its own;
// these functions import nothing from React or the browser).
import {
  flagSeverity,
  forestPlotRows,
  formatEffect,
  formatEstimate,
  formatInterval,
  formatShare,
  formatShareOrDash,
  formatSources,
  formatWeight,
  SHARE_SIGNAL_KEYS,
  wrapLabel,
} from '../../apps/web/src/modules/signals/components/signal-format';

const estimate = (mean: number, lower: number, upper: number) => ({ mean, lower, upper, evidenceCount: 1, effectiveN: 1 });

describe('forestPlotRows', () => {
  const signals = Object.fromEntries(SHARE_SIGNAL_KEYS.map((k) => [k, estimate(0.6, 0.4, 0.8)])) as Parameters<typeof forestPlotRows>[0];

  it('gives one row per 0..1 signal, the Assay score first and emphasised, named from the methodology', () => {
    const rows = forestPlotRows(signals, { assay: 'Assay score', verifiedDelivery: 'Verified delivery' });
    expect(rows.map((r) => r.key)).toEqual([...SHARE_SIGNAL_KEYS]);
    expect(rows[0]).toEqual({ key: 'assay', label: 'Assay score', mean: 0.6, lower: 0.4, upper: 0.8, emphasis: true });
    expect(rows[1]).toMatchObject({ label: 'Verified delivery', emphasis: false });
    // A signal without a name yet falls back to its key rather than an empty label.
    expect(rows[2].label).toBe('claimAccuracy');
  });

  it('marks a signal no evidence entered as having no data, with the reason, instead of plotting its prior', () => {
    const prior = { mean: 0.5, lower: 0.05, upper: 0.95, evidenceCount: 0, effectiveN: 0 };
    const rows = forestPlotRows({ ...signals, productionDurability: prior }, {});
    expect(rows.find((r) => r.key === 'productionDurability')).toMatchObject({ noData: 'no 6-month production follow-up due yet' });
    expect(rows.find((r) => r.key === 'assay')?.noData).toBeUndefined();
    expect(formatEstimate('productionDurability', prior)).toBe('No data yet: no 6-month production follow-up due yet');
    expect(formatShareOrDash(prior)).toBe('—');
    expect(formatShareOrDash(estimate(0.6, 0.4, 0.8))).toBe('60%');
  });

  it('keeps every value on the axis', () => {
    const [row] = forestPlotRows({ ...signals, assay: estimate(1.2, -0.1, Number.NaN) }, {}, ['assay']);
    expect(row).toMatchObject({ mean: 1, lower: 0, upper: 0 });
  });
});

describe('formatting', () => {
  it('writes shares, intervals and estimates in whole percent', () => {
    expect(formatShare(0.615)).toBe('62%');
    expect(formatInterval(0.151, 0.957)).toBe('15–96%');
    expect(formatEstimate('assay', estimate(0.61, 0.15, 0.96))).toBe('61% (90% interval 15–96%)');
    expect(formatEstimate('evidenceDepth', estimate(1.84, 1.84, 1.84))).toBe('evidence worth 1.8 independent checks');
    expect(formatSources(1)).toBe('evidence worth 1.0 independent check');
    expect(formatSources(12.4)).toBe('evidence worth 12 independent checks');
  });

  it('writes effects in percentage points (sources for evidence depth), with a true minus sign', () => {
    expect(formatEffect('verifiedDelivery', 0.096)).toBe('+9.6 pts');
    expect(formatEffect('verifiedDelivery', -0.028)).toBe('−2.8 pts');
    expect(formatEffect('verifiedDelivery', 0.0001)).toBe('no visible effect');
    expect(formatEffect('evidenceDepth', 0.6)).toBe('+0.6 sources');
  });

  it('writes weights with two decimals, whole ones as integers', () => {
    expect(formatWeight(0.6)).toBe('0.60');
    expect(formatWeight(1)).toBe('1');
    expect(formatWeight(0)).toBe('0');
  });

  it('wraps a label at spaces, keeping a long word whole', () => {
    expect(wrapLabel('Reference response rate', 14)).toEqual(['Reference', 'response rate']);
    expect(wrapLabel('Handover', 14)).toEqual(['Handover']);
    expect(wrapLabel('Supercalifragilistic value', 10)).toEqual(['Supercalifragilistic', 'value']);
  });

  it('names every severity in words, unknown ones as notes', () => {
    expect(flagSeverity('serious').label).toBe('Serious');
    expect(flagSeverity('warning').label).toBe('Warning');
    expect(flagSeverity('something-new').label).toBe('Note');
  });
});
