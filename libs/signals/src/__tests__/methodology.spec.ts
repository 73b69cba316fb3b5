import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SIGNAL_CONFIG,
  improvementHints,
  methodology,
  renderMethodologyMarkdown,
  SIGNAL_CONFIG_DOCS,
  SIGNAL_KEYS,
  type SignalConfig,
} from '../index';
import { computeVendorSignals } from '../index';
import { outcome, reference, vendor, withOutcomes } from './support/factories';

function leafPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix.slice(0, -1)];
  return Object.entries(node).flatMap(([k, v]) => leafPaths(v, `${prefix}${k}.`));
}

describe(methodology.name, () => {
  it('documents every constant of the configuration, with its value', () => {
    const m = methodology();
    expect(m.constants.map((c) => c.path).sort()).toEqual(leafPaths(DEFAULT_SIGNAL_CONFIG).sort());
    expect(Object.keys(SIGNAL_CONFIG_DOCS).sort()).toEqual(leafPaths(DEFAULT_SIGNAL_CONFIG).sort());
    expect(m.constants.find((c) => c.path === 'recency.halfLifeDays')?.value).toBe(730);
  });

  it('describes every signal and refers only to constants that exist', () => {
    const m = methodology();
    expect(m.signals.map((s) => s.key).sort()).toEqual([...SIGNAL_KEYS].sort());
    const paths = new Set(m.constants.map((c) => c.path));
    for (const s of m.signals) for (const c of s.constants) expect(paths.has(c)).toBe(true);
  });

  it('follows the configuration it is given, so the page cannot drift from the code', () => {
    const custom: SignalConfig = { ...DEFAULT_SIGNAL_CONFIG, recency: { halfLifeDays: 365 } };
    const text = renderMethodologyMarkdown(methodology(custom));
    expect(text).toContain('| `recency.halfLifeDays` | 365 |');
    expect(text).toContain('every 365 days');
  });

  it('matches the committed docs/methodology.md (regenerate with the methodology script)', () => {
    const committed = readFileSync(join(__dirname, '../../../../docs/methodology.md'), 'utf8');
    expect(committed).toBe(renderMethodologyMarkdown(methodology()));
  });
});

describe(improvementHints.name, () => {
  it('gives a vendor specific hints before the general advice', () => {
    const evidence = vendor({
      caseStudies: [withOutcomes(outcome({ verificationStatus: 'pending', verifiedValue: null }))],
      references: [reference({ identityStrength: 'self' })],
    });
    const hints = improvementHints(evidence, computeVendorSignals(evidence));
    expect(hints.verifiedDelivery[0]).toContain('1 outcome is waiting for verification');
    expect(hints.clientEndorsement[0]).toContain('1 reference on your own domain counts for nothing');
    for (const key of SIGNAL_KEYS) expect(hints[key].length).toBeGreaterThan(0);
  });
});
