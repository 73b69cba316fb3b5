import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a phone. The region is focusable and named,
 * so keyboard users can scroll it too. It is positioned so that it also clips absolutely
 * positioned content (a visually hidden header label sat outside it and made the whole page
 * scroll sideways on a phone: /admin/reviewers).
 */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ position: 'relative', overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
