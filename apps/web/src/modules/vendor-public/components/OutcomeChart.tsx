import type { OutcomeVerificationStatus } from '../../../gql/graphql';
import type React from 'react';
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { formatValue, outcomeLine, type OutcomeLike, verifiedShare } from './outcome-share';
import { OUTCOME_VERIFICATION } from '../../../ui/labels';

const BASELINE = 'var(--mantine-color-gray-6)';
const CLAIMED = 'var(--mantine-color-orange-7)';
const VERIFIED = 'var(--mantine-color-teal-8)';

/**
 * Claimed vs verified in the metric's own units: per outcome a dumbbell from the baseline to
 * the claimed value, the verified value marked on the same axis (which ends at the largest
 * of the three), and the numbers printed beside it — "baseline 45 days → claimed 4 → verified 8
 * (lower is better)" — so nothing needs hovering or a hidden table.
 */
export function OutcomeChart({ outcomes, title, claimed = false }: { outcomes: readonly OutcomeLike[]; title: string; claimed?: boolean }) {
  return (
    <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
      {outcomes.map((o, i) => {
        const share = verifiedShare(o);
        return (
          <Box component="li" key={i}>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm" fw={600}>
                {o.metricName}
                {claimed ? ' (claimed)' : ''}
              </Text>
              <Badge variant="light" tt="none" color={o.verificationStatus === 'verified' ? 'teal' : o.verificationStatus === 'pending' ? 'gray' : 'yellow'} c="dark.7">
                {share !== null ? `${Math.round(share * 100)}% of the claimed gain verified` : OUTCOME_VERIFICATION[o.verificationStatus as OutcomeVerificationStatus]?.label ?? o.verificationStatus}
              </Badge>
            </Group>
            <Dumbbell o={o} />
            <Text size="sm" c="gray.8">
              {outcomeLine(o)}
            </Text>
          </Box>
        );
      })}
    </Stack>
  );
}

function Dumbbell({ o }: { o: OutcomeLike }) {
  const values = [o.baselineValue, o.claimedValue, ...(o.verifiedValue != null ? [o.verifiedValue] : [])];
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  // Positions in percent of the track, so the marks stay round at any width.
  const at = (v: number) => `${((v - min) / span) * 100}%`;
  const left = Math.min(o.baselineValue, o.claimedValue);
  const right = Math.max(o.baselineValue, o.claimedValue);
  const mark = (v: number, style: React.CSSProperties) => (
    <Box pos="absolute" top={3} w={12} h={12} style={{ left: `calc(${at(v)} - 6px)`, ...style }} />
  );
  return (
    <Box aria-hidden maw={520} mt={4}>
      <Box pos="relative" h={18} mx={6}>
        <Box pos="absolute" left={0} right={0} top={8} h={2} bg="gray.3" />
        <Box pos="absolute" top={8} h={0} style={{ left: at(left), width: `calc(${at(right)} - ${at(left)})`, borderTop: `3px dashed ${CLAIMED}` }} />
        {mark(o.baselineValue, { borderRadius: '50%', background: 'white', border: `2.5px solid ${BASELINE}` })}
        {mark(o.claimedValue, { background: 'white', border: `2.5px solid ${CLAIMED}`, transform: 'rotate(45deg) scale(0.85)' })}
        {o.verifiedValue != null && mark(o.verifiedValue, { borderRadius: '50%', background: VERIFIED, border: '1.5px solid white' })}
      </Box>
      <Group justify="space-between" gap={0}>
        <Text size="xs" c="gray.7">
          {formatValue(min, o.unit)}
        </Text>
        <Text size="xs" c="gray.7">
          {formatValue(max, o.unit)}
        </Text>
      </Group>
    </Box>
  );
}

/** What the dumbbell's marks mean. */
export function OutcomeChartLegend() {
  return (
    <Group gap="md" wrap="wrap" aria-hidden>
      <Group gap={4} wrap="nowrap">
        <svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill="white" stroke={BASELINE} strokeWidth="2.5" /></svg>
        <Text size="xs">Baseline</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <svg width="14" height="14" viewBox="0 0 14 14"><rect x="3" y="3" width="8" height="8" fill="white" stroke={CLAIMED} strokeWidth="2.5" transform="rotate(45 7 7)" /></svg>
        <Text size="xs">Claimed</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill={VERIFIED} /></svg>
        <Text size="xs">Verified</Text>
      </Group>
    </Group>
  );
}
