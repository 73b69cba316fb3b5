import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Term } from '../../../ui/Term';
import { useMediaQuery } from '@mantine/hooks';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis, type BarShapeProps, type YAxisTickContentProps } from 'recharts';
import { type ForestPlotRow, formatInterval, formatShare, wrapLabel } from './signal-format';

export interface SignalForestPlotProps {
  /** One row per estimate, each on the 0..1 scale (build them with `forestPlotRows`). */
  rows: ForestPlotRow[];
  /** Names the plot for screen readers (caption of the hidden table), e.g. "Signals of Lumen Analytics". */
  title: string;
  /** Hide the legend when several plots share one on the page. Default: shown. */
  withLegend?: boolean;
  /** Column headings of the hidden table, for plots whose rows are not signals. */
  rowHeading?: string;
  estimateHeading?: string;
}

const ROW_HEIGHT = 58;
const AXIS_HEIGHT = 30;
const POINT = 'var(--mantine-color-indigo-8)';
const INTERVAL = 'var(--mantine-color-indigo-4)';
const INTERVAL_EMPHASIS = 'var(--mantine-color-indigo-6)';

interface Datum extends ForestPlotRow {
  range: [number, number];
}

/**
 * A forest plot: every signal as a point (the estimate) with a bar for its 90% credible
 * interval, on one shared 0–100% axis, the value written under each name so it reads
 * without hovering. The drawing is hidden from assistive technology; a visually hidden
 * table gives the same numbers.
 */
export function SignalForestPlot({ rows, title, withLegend = true, rowHeading = 'Signal', estimateHeading = 'Estimate' }: SignalForestPlotProps) {
  const narrow = useMediaQuery('(max-width: 36em)', false);
  const labelWidth = narrow ? 118 : 176;
  const maxChars = narrow ? 14 : 24;
  const data: Datum[] = rows.map((r) => ({ ...r, range: r.noData ? [0, 0] : [r.lower, r.upper] }));
  const byKey = new Map(data.map((d) => [d.key, d]));

  return (
    <Box component="figure" m={0}>
      <div aria-hidden style={{ width: '100%', height: rows.length * ROW_HEIGHT + AXIS_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={0} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis
              type="number"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => formatShare(v)}
              tick={{ fontSize: 12, fill: 'var(--mantine-color-gray-7)' }}
              stroke="var(--mantine-color-gray-4)"
              height={AXIS_HEIGHT}
              interval={0}
            />
            <YAxis
              type="category"
              dataKey="key"
              width={labelWidth}
              axisLine={false}
              tickLine={false}
              interval={0}
              tick={(props: YAxisTickContentProps) => {
                const row = byKey.get(String(props.payload?.value));
                return row ? <SignalTick x={Number(props.x)} y={Number(props.y)} row={row} maxChars={maxChars} /> : <g />;
              }}
            />
            <Bar dataKey="range" isAnimationActive={false} shape={(props: BarShapeProps) => <IntervalShape {...props} />} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {withLegend && <ForestPlotLegend />}
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              <th scope="col">{estimateHeading}</th>
              <th scope="col">90% credible interval</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.noData ? `— (no data yet: ${r.noData})` : formatShare(r.mean)}</td>
                <td>{r.noData ? '—' : formatInterval(r.lower, r.upper)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}

/** The name (wrapped) and, under it, the value: "62% · 41–79%". */
function SignalTick({ x, y, row, maxChars }: { x: number; y: number; row: Datum; maxChars: number }) {
  // Bold is about a sixth wider: an emphasised label wraps earlier, or its start is cut off at the left edge.
  const lines = wrapLabel(row.label, row.emphasis ? Math.floor(maxChars * 0.85) : maxChars);
  const lineHeight = 15;
  const top = y - ((lines.length + 1) * lineHeight) / 2 + 11;
  return (
    <g>
      <text x={x - 10} y={top} textAnchor="end" fontSize={13} fontWeight={row.emphasis ? 700 : 500} fill="var(--mantine-color-black)">
        {lines.map((line, i) => (
          <tspan key={i} x={x - 10} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
        <tspan x={x - 10} dy={lineHeight} fontSize={12} fontWeight={400} fill="var(--mantine-color-gray-7)">
          {row.noData ? 'No data yet' : `${formatShare(row.mean)} · ${formatInterval(row.lower, row.upper)}`}
        </tspan>
      </text>
    </g>
  );
}

/** The interval as a bar with end caps, and the estimate as a dot on it. */
function IntervalShape(props: BarShapeProps) {
  const row = props.payload as Datum | undefined;
  if (!row) return null;
  const cy = props.y + props.height / 2;
  if (row.noData) {
    // No evidence: no dot and no bar (the prior is not a measurement), only the reason.
    // Wrapped to the plot's width (two lines at most), so a phone shows all of it.
    const room = Number(props.background?.width ?? 0) || 240;
    const lines = wrapLabel(row.noData, Math.max(16, Math.floor(room / 6.6))).slice(0, 2);
    return (
      <text x={props.x + 6} y={cy + 4 - (lines.length - 1) * 7} fontSize={12} fill="var(--mantine-color-gray-7)" fontStyle="italic">
        {lines.map((line, i) => (
          <tspan key={i} x={props.x + 6} dy={i === 0 ? 0 : 14}>
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  const { x, width } = props;
  const span = row.upper - row.lower;
  const cx = x + (span > 0 ? ((row.mean - row.lower) / span) * width : 0);
  const color = row.emphasis ? INTERVAL_EMPHASIS : INTERVAL;
  return (
    <g>
      <line x1={x} x2={x + width} y1={cy} y2={cy} stroke={color} strokeWidth={row.emphasis ? 6 : 4} strokeLinecap="round" />
      <line x1={x} x2={x} y1={cy - 7} y2={cy + 7} stroke={color} strokeWidth={2} />
      <line x1={x + width} x2={x + width} y1={cy - 7} y2={cy + 7} stroke={color} strokeWidth={2} />
      <circle cx={cx} cy={cy} r={row.emphasis ? 7.5 : 6} fill={POINT} stroke="white" strokeWidth={2} />
    </g>
  );
}

/** What the marks mean, in one line (two on a phone). */
export function ForestPlotLegend() {
  return (
    <Group component="figcaption" gap="lg" mt="xs" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
          <circle cx="8" cy="8" r="6" fill={POINT} />
        </svg>
        <Text size="sm">
          <Term term="estimate">Estimate</Term>
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden focusable="false">
          <line x1="2" x2="32" y1="8" y2="8" stroke={INTERVAL} strokeWidth="4" strokeLinecap="round" />
          <line x1="2" x2="2" y1="2" y2="14" stroke={INTERVAL} strokeWidth="2" />
          <line x1="32" x2="32" y1="2" y2="14" stroke={INTERVAL} strokeWidth="2" />
        </svg>
        <Text size="sm">
          <Term term="interval">90% credible interval</Term>: the true value lies inside with 90% probability
        </Text>
      </Group>
    </Group>
  );
}
