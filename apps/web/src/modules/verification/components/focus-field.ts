/**
 * Moves focus to a field by its form path. Radio groups carry the path on their wrapper,
 * so the first radio inside gets the focus (a screen reader then reads the group and its error).
 */
export function focusField(node: HTMLElement | null): void {
  if (!node) return;
  const target = node.matches('input, textarea, select, button') ? node : node.querySelector<HTMLElement>('input, textarea, select, button');
  (target ?? node).scrollIntoView({ block: 'center' });
  target?.focus({ preventScroll: true });
}
