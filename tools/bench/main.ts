// `npm run bench [-- --json] [--quick] [--duration <s>] [--connections <n>]`
// Load benchmark of the buyer-side reads against a raw-SQL floor: seeds a market
// (10,000 vendors, 100,000 case studies, 300,000 reference answers; --quick: a tenth),
// recomputes the signals, then drives search, the vendor page and compare over HTTP
// on the real API and on a bare node:http + pg server that returns the same JSON.
// Uses DATABASE_URL's server (a fresh database, dropped afterwards) or an embedded
// PostgreSQL in a temporary folder. See docs/scaling.md, "Benchmark".
import * as path from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { runBench } from './bench';
import { renderTable } from './report';
import { FULL_SCALE, QUICK_SCALE } from './seed';

interface CliOptions {
  json?: boolean;
  quick?: boolean;
  duration?: string;
  warmup?: string;
  connections: string;
  vendors?: string;
  profile?: string;
  only?: string;
  seed?: string;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}".`);
  return n;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('bench')
    .description('Load benchmark of search, the vendor page and compare against a raw-SQL floor.')
    .option('--json', 'print one JSON object on stdout and nothing else')
    .option('--quick', 'a tenth of the market and shorter runs (≤ 2 minutes), for routine checks')
    .option('--duration <seconds>', 'measured seconds per server and operation (default 10; --quick 5)')
    .option('--warmup <seconds>', 'warm-up seconds per server and operation before measuring (default 3; --quick 2)')
    .option('--connections <n>', 'concurrent HTTP connections', '32')
    .option('--only <operations>', 'comma-separated subset of search, vendor, compare')
    .option('--seed <n>', 'seed of the market content (default: the same market every run)')
    .option('--profile <dir>', 'write V8 CPU profiles of the API and the floor processes into this folder')
    .option('--vendors <n>', 'market size in vendors (10 case studies and 30 reference answers each); overrides --quick’s size')
    .parse(argv);
  const opts = program.opts<CliOptions>();
  const quick = !!opts.quick;
  const vendors = opts.vendors === undefined ? undefined : Math.round(positive(opts.vendors, 'vendors'));
  const scale = vendors ? { vendors, caseStudies: vendors * 10, referenceAnswers: vendors * 30 } : quick ? QUICK_SCALE : FULL_SCALE;

  const bars = process.stderr.isTTY ? new MultiBar({ format: ' {stage} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false }, Presets.shades_classic) : undefined;
  const stages = new Map<string, SingleBar>();
  const t0 = Date.now();
  const log = (message: string) => {
    const line = `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}\n`;
    if (bars) bars.log(line);
    else process.stderr.write(line);
  };

  const result = await runBench({
    scale,
    quick,
    durationSec: opts.duration ? positive(opts.duration, 'duration') : quick ? 5 : 10,
    warmupSec: opts.warmup !== undefined ? Number(opts.warmup) : quick ? 2 : 3,
    connections: Math.round(positive(opts.connections, 'connections')),
    database: process.env.DATABASE_URL ? { serverUrl: process.env.DATABASE_URL } : { embedded: true },
    verifySamples: 40,
    incrementalSamples: quick ? 5 : 7,
    profileDir: opts.profile ? path.resolve(opts.profile) : undefined,
    only: opts.only?.split(',').map((s) => s.trim()).filter(Boolean),
    seed: opts.seed === undefined ? undefined : Math.round(positive(opts.seed, 'seed')),
    log,
    onProgress: (stage, done, total) => {
      if (!bars) return;
      const bar = stages.get(stage) ?? stages.set(stage, bars.create(total, 0, { stage: stage.padEnd(20) })).get(stage)!;
      bar.update(done);
    },
  }).finally(() => bars?.stop());

  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${renderTable(result)}\n`);
}

main(process.argv).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
