import { Box, Table, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatValue, type OutcomeLike, VERIFICATION_STATUS_LABELS, verifiedShare } from './outcome-share';

const ROW = 64;

/**
 * Claimed vs verified, one pair of bars per outcome on a shared scale: the claimed
 * improvement is 100%, the verified bar shows how much of it verification found.
 * A hidden table gives the raw values to screen readers.
 */
export function OutcomeChart({ outcomes, title }: { outcomes: readonly OutcomeLike[]; title: string }) {
  const data = outcomes.map((o, i) => {
    const share = verifiedShare(o);
    return {
      key: `${i}`,
      label: o.metricName,
      claimed: 100,
      verified: share === null ? 0 : Math.max(0, Math.min(150, Math.round(share * 100))),
      verifiedLabel: share === null ? VERIFICATION_STATUS_LABELS[o.verificationStatus] ?? o.verificationStatus : `${Math.round(share * 100)}%`,
    };
  });
  return (
    <Box component="figure" m={0}>
      <div aria-hidden style={{ width: '100%', height: data.length * ROW + 60 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis type="number" domain={[0, 150]} ticks={[0, 50, 100, 150]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12, fill: 'var(--mantine-color-gray-7)' }} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: 'var(--mantine-color-black)' }} />
            <Legend wrapperStyle={{ fontSize: 13 }} formatter={(value: string) => <span style={{ color: 'var(--mantine-color-black)' }}>{value}</span>} />
            <Bar dataKey="claimed" name="Claimed improvement" fill="var(--mantine-color-gray-5)" isAnimationActive={false} barSize={14} />
            <Bar dataKey="verified" name="Verified share of it" fill="var(--mantine-color-teal-7)" isAnimationActive={false} barSize={14}>
              <LabelList dataKey="verifiedLabel" position="right" style={{ fontSize: 12, fill: 'var(--mantine-color-black)' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Baseline</th>
              <th scope="col">Claimed</th>
              <th scope="col">Verified</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o, i) => (
              <tr key={i}>
                <th scope="row">{o.metricName}</th>
                <td>{formatValue(o.baselineValue, o.unit)}</td>
                <td>{formatValue(o.claimedValue, o.unit)}</td>
                <td>{formatValue(o.verifiedValue, o.unit)}</td>
                <td>{VERIFICATION_STATUS_LABELS[o.verificationStatus] ?? o.verificationStatus}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
