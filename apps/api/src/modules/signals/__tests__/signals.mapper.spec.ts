import { DEFAULT_SIGNAL_CONFIG, methodology, SIGNAL_CONFIG_DOCS, SIGNAL_KEYS, type SignalConfig } from '@assay/signals';
import { toMethodologyObject, toSignalHints } from '../signals.mapper';

describe('toMethodologyObject', () => {
  it('keeps every constant, writing its value as text and as a number', () => {
    const object = toMethodologyObject(methodology());
    expect(object.constants.map((c) => c.path)).toEqual(Object.keys(SIGNAL_CONFIG_DOCS));
    expect(object.constants.find((c) => c.path === 'recency.halfLifeDays')).toMatchObject({ value: '730', numericValue: 730 });
    expect(object.constants.find((c) => c.path === 'version')).toMatchObject({ value: DEFAULT_SIGNAL_CONFIG.version, numericValue: null });
  });

  it('follows the configuration it is given (the page shows what the code runs with)', () => {
    const config: SignalConfig = { ...DEFAULT_SIGNAL_CONFIG, recency: { halfLifeDays: 365 } };
    const object = toMethodologyObject(methodology(config));
    expect(object.constants.find((c) => c.path === 'recency.halfLifeDays')).toMatchObject({ value: '365', numericValue: 365 });
    expect(object.sections.find((s) => s.id === 'weights')!.paragraphs.join(' ')).toContain('365 days');
  });

  it('maps signals and flags field by field', () => {
    const m = methodology();
    const object = toMethodologyObject(m);
    expect(object.signals.map((s) => s.key)).toEqual(m.signals.map((s) => s.key));
    expect(object.signals[0]).toEqual({ ...m.signals[0] });
    expect(object.flags).toEqual(m.flags.map((f) => ({ ...f })));
  });
});

describe('toSignalHints', () => {
  it('lists every signal once, in the library order, with an empty list where there are no hints', () => {
    const hints = toSignalHints({ verifiedDelivery: ['Get verified.'] } as Parameters<typeof toSignalHints>[0]);
    expect(hints.map((h) => h.signal)).toEqual([...SIGNAL_KEYS]);
    expect(hints.find((h) => h.signal === 'verifiedDelivery')!.hints).toEqual(['Get verified.']);
    expect(hints.find((h) => h.signal === 'handover')!.hints).toEqual([]);
  });
});
