import type { BenchResult } from './bench';

const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const thousands = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** The human report: one row per operation against its floor, then the recompute, with ✓/✗ per target. */
export function renderTable(r: BenchResult): string {
  const t = r.targets;
  const lines: string[] = [];
  lines.push(
    `Market: ${thousands(r.scale.vendors)} vendors, ${thousands(r.scale.caseStudies)} case studies, ${thousands(r.scale.referenceAnswers)} reference answers` +
      ` — seeded in ${(r.scale.seedMs / 1000).toFixed(1)} s ${mark(r.scale.seedMs <= t.seedMs)} (≤ ${t.seedMs / 1000} s)${r.scale.quick ? ' [--quick]' : ''}`,
  );
  lines.push(`Load: ${r.settings.connections} connections, ${r.settings.durationSec} s per server and operation after ${r.settings.warmupSec} s warm-up; ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average ${r.machine.loadAverage[0]} at the start, ${r.machine.loadAverageAtEnd[0]} at the end`);
  lines.push('');
  const header = ['operation', 'req/s', 'p50 ms', 'p99 ms', 'floor req/s', 'floor p99', 'ratio', 'SQL/op', 'floor SQL', 'errors'];
  const widths = [16, 9, 8, 9, 12, 10, 10, 8, 10, 7];
  lines.push(header.map((h, i) => (i === 0 ? pad(h, widths[i]) : padLeft(h, widths[i]))).join(' '));
  lines.push(widths.map((w) => '-'.repeat(w)).join(' '));
  for (const o of r.operations) {
    const searchP99 = o.name === 'search' ? ` ${mark(o.p99Ms <= t.searchP99Ms)}` : '  ';
    const cells = [
      `${o.name} (${o.operationName === 'SearchVendors' ? '20/page' : o.operationName === 'CompareVendors' ? '5 ids' : 'page'})`,
      thousands(o.rps),
      String(o.p50Ms),
      `${o.p99Ms}${searchP99}`,
      thousands(o.floorRps),
      String(o.floorP99Ms),
      `${o.ratioToFloor.toFixed(2)}× ${mark(o.ratioToFloor >= (o.name === 'compare' ? t.compareRatioToFloor : t.ratioToFloor))}`,
      `${o.sqlStatements} ${mark(o.sqlStatements <= Math.min(t.sqlStatementsPerOperation, o.floorSqlStatements))}`,
      String(o.floorSqlStatements),
      String(o.errors + o.floorErrors),
    ];
    lines.push(cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : padLeft(c, widths[i]))).join(' '));
  }
  const search = r.operations.find((o) => o.name === 'search');
  if (search?.baselineRps !== undefined) {
    lines.push('');
    lines.push(
      `Search against the frozen baseline SQL (same run): ${thousands(search.rps)} req/s vs ${search.baselineRps.toLocaleString('en-GB')} req/s = ${search.speedupOverBaseline}× ` +
        `${mark((search.speedupOverBaseline ?? 0) >= t.searchSpeedupOverBaseline)} (≥ ${t.searchSpeedupOverBaseline}×); baseline p50 ${search.baselineP50Ms} ms, p99 ${search.baselineP99Ms} ms, ${search.baselineSqlStatements} statements per request`,
    );
  }
  lines.push('');
  lines.push(
    `Targets: GraphQL ≥ ${t.ratioToFloor}× the floor (compare ≥ ${t.compareRatioToFloor}×), search ≥ ${t.searchSpeedupOverBaseline}× the baseline with p99 ≤ ${t.searchP99Ms} ms, ` +
      `no more SQL statements than the floor and ≤ ${t.sqlStatementsPerOperation} per operation.`,
  );
  lines.push(
    `Signals: full recompute of ${thousands(r.recompute.vendors)} vendors ${(r.recompute.fullMs / 1000).toFixed(1)} s ${mark(r.recompute.fullMs <= t.fullRecomputeMs)} (≤ ${t.fullRecomputeMs / 1000} s; market context ${r.recompute.marketMs} ms before it)`,
  );
  lines.push(
    `         incremental update ${r.recompute.incrementalMs} ms ${mark(r.recompute.incrementalMs <= t.incrementalMs)} (≤ ${t.incrementalMs} ms; median of ${r.recompute.incrementalSamples}; ` +
      `the vendor plus a median ${r.recompute.incrementalDependentsMedian} dependent vendors — the vendor alone ${r.recompute.singleVendorMs} ms)`,
  );
  const b = r.recompute.burst;
  if (b) {
    lines.push(
      `Verdict burst under search load: ${b.accepted}/${b.verdicts} verdicts accepted, p50 ${b.verdictP50Ms} ms, p99 ${b.verdictP99Ms} ms ${mark(b.verdictP99Ms <= t.verdictP99Ms)} (≤ ${t.verdictP99Ms} ms); ` +
        `outbox ${b.outboxDrainMs === null ? 'not drained / absent ✗' : `drained ${b.outboxDrainMs} ms after the last verdict ${mark(b.outboxDrainMs <= t.outboxDrainMs)} (≤ ${t.outboxDrainMs / 1000} s)`}; ` +
        `${b.affectedVendors} vendors refreshed; ${b.checkedVendors - b.inconsistentVendors}/${b.checkedVendors} checked (those and a sample of the skipped) equal a full recompute ${mark(b.inconsistentVendors === 0)}; search meanwhile ${b.searchRpsDuringBurst} req/s, p99 ${b.searchP99MsDuringBurst} ms`,
    );
    if (b.note) lines.push(`         (${b.note})`);
  }
  lines.push(`Every operation's answers were checked equal to the floor's on ${r.operations.map((o) => `${o.verifiedSamples} ${o.name}`).join(', ')} requests.`);
  return lines.join('\n');
}
