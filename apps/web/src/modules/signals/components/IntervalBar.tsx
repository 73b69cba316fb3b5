import { Box } from '@mantine/core';
import { formatInterval, formatShare } from './signal-format';

/**
 * A 90% interval as a small bar on the shared 0–100% axis, the estimate marked on it:
 * cards on one page can be compared by eye. The numbers are in the label for screen readers
 * (and printed next to the bar by the caller).
 */
export function IntervalBar({ mean, lower, upper, label, width = '100%' }: { mean: number; lower: number; upper: number; label: string; width?: number | string }) {
  const pct = (x: number) => `${Math.min(100, Math.max(0, x * 100))}%`;
  return (
    <Box
      role="img"
      aria-label={`${label}: estimate ${formatShare(mean)}, 90% interval ${formatInterval(lower, upper)} on a 0 to 100% scale`}
      pos="relative"
      h={18}
      w={width}
      style={{ flex: '1 1 140px', minWidth: 120 }}
    >
      {/* the axis, with quarter ticks */}
      <Box pos="absolute" left={0} right={0} top={8} h={2} bg="gray.3" />
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <Box key={t} pos="absolute" top={5} h={8} w={1} bg="gray.5" style={{ left: pct(t) }} />
      ))}
      <Box pos="absolute" top={5} h={8} bg="indigo.3" style={{ left: pct(lower), width: `calc(${pct(upper)} - ${pct(lower)})`, borderRadius: 4 }} />
      <Box pos="absolute" top={3} w={12} h={12} bg="indigo.8" style={{ left: `calc(${pct(mean)} - 6px)`, borderRadius: '50%', border: '2px solid white' }} />
    </Box>
  );
}
