import type { CompareVendorsQuery } from '../../../gql/graphql';
import { SHARE_SIGNAL_KEYS } from '../../signals';
import { verifiedShare } from '../../vendor-public/components/outcome-share';

type Row = CompareVendorsQuery['compareVendors'][number];

/** One CSV field: quoted when it holds a comma, quote or line break; formula-looking text is defused. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The average share of claimed improvement that verification confirmed, over verified outcomes. */
export function meanVerifiedShare(outcomes: Row['outcomes']): number | null {
  const shares = outcomes.map(verifiedShare).filter((s): s is number => s !== null);
  return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
}

/** The comparison as CSV, one consultancy per line, every signal with its 90% interval. */
export function compareCsv(rows: readonly Row[], names: Partial<Record<string, string>> = {}): string {
  const header = [
    'Consultancy',
    ...SHARE_SIGNAL_KEYS.flatMap((k) => [`${names[k] ?? k} (estimate)`, `${names[k] ?? k} (90% lower)`, `${names[k] ?? k} (90% upper)`]),
    'Evidence depth (effective sources)',
    'Verified case studies',
    'Outcomes claimed',
    'Outcomes verified',
    'Mean verified share of claimed improvement',
    'Integrity flags',
    'Capabilities',
  ];
  const lines = rows.map((r) => {
    const s = r.vendor.signals;
    return [
      r.vendor.name,
      ...SHARE_SIGNAL_KEYS.flatMap((k) => (s ? [s[k].mean, s[k].lower, s[k].upper] : [null, null, null])),
      s?.evidenceDepth.mean ?? null,
      s?.verifiedCaseStudies ?? 0,
      r.outcomes.length,
      r.outcomes.filter((o) => o.verificationStatus === 'verified' || o.verificationStatus === 'partially_verified').length,
      meanVerifiedShare(r.outcomes),
      s?.flags.map((f) => f.sentence).join(' | ') ?? '',
      r.vendor.capabilities.join(' | '),
    ]
      .map(field)
      .join(',');
  });
  return [header.map(field).join(','), ...lines].join('\r\n') + '\r\n';
}
