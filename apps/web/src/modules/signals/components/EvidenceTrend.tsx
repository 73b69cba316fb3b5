import { Stack, Text } from '@mantine/core';
import { type EvidenceTrendLike, showsTrend, trendEffect, trendRows, trendSentence } from './evidence-trend';
import { SignalForestPlot } from './SignalForestPlot';

/**
 * Recent against earlier evidence: one sentence, then both windows on the forest plot's 0–100%
 * axis (each mean with its 90% interval), which a hidden table repeats for screen readers.
 * Renders nothing unless both windows hold enough evidence to be compared.
 */
export function EvidenceTrend({ trend, title }: { trend: EvidenceTrendLike | null | undefined; title: string }) {
  if (!showsTrend(trend)) return null;
  const effect = trendEffect(trend);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {trendSentence(trend)}
      </Text>
      <SignalForestPlot rows={trendRows(trend)} title={title} withLegend={false} rowHeading="Projects" estimateHeading="Verified share of the claimed gains" />
      {effect && (
        <Text size="sm" c="gray.7">
          {effect}
        </Text>
      )}
    </Stack>
  );
}
