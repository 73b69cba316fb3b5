const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 2 days", "3 hours ago", "now" — the largest whole unit, rounded down. */
export function fromNow(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return '';
  for (const [unit, ms] of UNITS) {
    const amount = Math.trunc(diff / ms);
    if (amount !== 0) return relative.format(amount, unit);
  }
  return 'now';
}

/** "for 3 days", "for 5 hours" — how long something has been waiting. */
export function waitingFor(iso: string, now = Date.now()): string {
  const ms = Math.max(0, now - new Date(iso).getTime());
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(ms / size);
    if (amount > 0) return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  }
  return 'less than a minute';
}
