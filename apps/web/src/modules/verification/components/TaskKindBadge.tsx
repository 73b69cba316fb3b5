import { Badge } from '@mantine/core';

/** Marks checks (a blind, independent second verdict); primary tasks need no badge. */
export function TaskKindBadge({ kind }: { kind: string }) {
  if (kind !== 'spot_check') return null;
  return (
    <Badge color="grape" variant="light" tt="none" fw={600}>
      Independent check
    </Badge>
  );
}
