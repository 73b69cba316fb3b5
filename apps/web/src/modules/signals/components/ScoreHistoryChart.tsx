import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../../ui/format';
import { formatInterval, formatShare } from './signal-format';

export interface SignalSnapshotLike {
  computedAt: string;
  assayMean: number;
  assayLower: number;
  assayUpper: number;
  verifiedCaseStudies: number;
}

/**
 * How the Assay score built up: the estimate as a line, its 90% interval as a band narrowing as
 * verified evidence arrives. One point per change of the evidence (stored by the API). A sentence
 * says the same for everyone; a hidden table gives every point to screen readers.
 */
export function ScoreHistoryChart({ history, title }: { history: readonly SignalSnapshotLike[]; title: string }) {
  if (history.length < 2) {
    return (
      <Text size="sm" c="gray.7">
        The score has not changed since Assay first computed it{history[0] ? ` on ${formatDate(history[0].computedAt)}` : ''}.
      </Text>
    );
  }
  const data = history.map((h) => ({ at: new Date(h.computedAt).getTime(), mean: h.assayMean, band: [h.assayLower, h.assayUpper] as [number, number] }));
  // Within two days, dates alone would repeat: the axis shows the time of day instead.
  const short = data[data.length - 1].at - data[0].at < 2 * 86_400_000;
  const tick = (v: number) => (short ? new Date(v).toTimeString().slice(0, 5) : formatDate(new Date(v).toISOString()));
  const first = history[0];
  const last = history[history.length - 1];
  return (
    <Box component="figure" m={0}>
      <div aria-hidden style={{ width: '100%', height: 180 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--mantine-color-gray-3)" vertical={false} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={tick}
              tick={{ fontSize: 11, fill: 'var(--mantine-color-gray-7)' }}
              minTickGap={40}
            />
            <YAxis domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(v: number) => formatShare(v)} width={40} tick={{ fontSize: 11, fill: 'var(--mantine-color-gray-7)' }} />
            <Area dataKey="band" type="stepAfter" stroke="none" fill="var(--mantine-color-indigo-2)" isAnimationActive={false} />
            <Line dataKey="mean" type="stepAfter" stroke="var(--mantine-color-indigo-8)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="sm" c="gray.8">
        From {formatShare(first.assayMean)} (likely {formatInterval(first.assayLower, first.assayUpper)}, {first.verifiedCaseStudies} verified) on {formatDate(first.computedAt)} to{' '}
        {formatShare(last.assayMean)} (likely {formatInterval(last.assayLower, last.assayUpper)}, {last.verifiedCaseStudies} verified) on {formatDate(last.computedAt)}: the band narrows as verified evidence
        arrives.
      </Text>
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Assay score</th>
              <th scope="col">90% interval</th>
              <th scope="col">Verified case studies</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.computedAt}>
                <th scope="row">{formatDate(h.computedAt)}</th>
                <td>{formatShare(h.assayMean)}</td>
                <td>{formatInterval(h.assayLower, h.assayUpper)}</td>
                <td>{h.verifiedCaseStudies}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
