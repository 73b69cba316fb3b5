import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { flagSeverity } from './signal-format';

/** An integrity flag as the API returns it (`IntegrityFlag`). */
export interface FlagLike {
  kind: string;
  /** `serious`, `warning` or `info`. */
  severity: string;
  /** One sentence for buyers and the vendor. */
  sentence: string;
  /** What the flag does to the weights. */
  effect: string;
}

export interface FlagListProps {
  flags: readonly FlagLike[];
  /** Shown when there are no flags; `null` renders nothing at all. Default: a short reassurance. */
  emptyText?: string | null;
  /** Show what each flag does to the weights under its sentence. Default: true. */
  withEffect?: boolean;
}

const ICONS = { serious: IconAlertOctagon, warning: IconAlertTriangle, info: IconInfoCircle } as const;

/**
 * Integrity flags in plain words, most serious first: the severity as a word (colour only
 * repeats it), the sentence, and what the flag does to the weights.
 */
export function FlagList({ flags, emptyText = 'No integrity flags: nothing in the evidence was weighted down for integrity reasons.', withEffect = true }: FlagListProps) {
  if (flags.length === 0) {
    return emptyText === null ? null : (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  const sorted = [...flags].sort((a, b) => flagSeverity(a.severity).rank - flagSeverity(b.severity).rank);
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {sorted.map((flag) => {
        const severity = flagSeverity(flag.severity);
        const Icon = ICONS[flag.severity as keyof typeof ICONS] ?? IconInfoCircle;
        return (
          <Paper component="li" key={flag.kind} withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${severity.color}-6)` }}>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <Icon size={20} aria-hidden style={{ flex: 'none', marginTop: 2, color: severity.text }} />
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={severity.color} variant="light" size="sm" tt="none" style={{ color: severity.text, flex: 'none' }}>
                    {severity.label}
                  </Badge>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {flag.sentence}
                  </Text>
                </Group>
                {withEffect && (
                  <Text size="sm" c="dimmed">
                    {flag.effect}
                  </Text>
                )}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
