// The servers under test, each a child process on its own port with the
// statement-counting preload: the real API (the built `main.js`, API role, production
// mode), the raw-SQL floor, and the floor with the frozen baseline search SQL.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '../shared/ports';

export interface ServerProcess {
  name: string;
  /** The application_name of its pool's PostgreSQL connections. */
  applicationName: string;
  url: string;
  child: ChildProcess;
  /** Statements its pg clients have sent so far. */
  statements(): Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

/** The repository root: the first folder up from here with a package.json (works from the sources and from dist/). */
export function repositoryRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The built files the children run (`npm run bench` builds them with swc). */
export function builtFiles(root = repositoryRoot()) {
  const dist = path.join(root, 'dist/api');
  return {
    api: path.join(dist, 'apps/api/src/main.js'),
    floor: path.join(dist, 'tools/bench/floor-server.js'),
    preload: path.join(dist, 'tools/bench/count-statements.js'),
  };
}

async function start(name: string, applicationName: string, script: string, env: Record<string, string>, cwd: string, nodeArgs: string[] = [], timeoutMs = 60_000, readyLine?: string): Promise<ServerProcess> {
  const files = builtFiles(cwd);
  for (const file of [script, files.preload]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm run bench does).`);
  }
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, '--require', files.preload, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  let nextId = 0;
  const waiting = new Map<number, (n: number) => void>();
  child.on('message', (m: { type?: string; id?: number; count?: number }) => {
    if (m?.type === 'bench:statements' && typeof m.id === 'number') waiting.get(m.id)?.(m.count ?? 0);
  });

  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The ${name} exited before it was ready:\n${output}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The ${name} was not ready within ${timeoutMs} ms:\n${output}`);
    }
    if (readyLine) {
      // A process that serves no HTTP (the job worker) says when it is ready.
      if (output.includes(readyLine)) break;
    } else {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    name,
    applicationName,
    url,
    child,
    output: () => output,
    statements: () =>
      new Promise<number>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`The ${name} did not report its statement count.`));
        }, 5000);
        waiting.set(id, (n) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(n);
        });
        child.send({ type: 'bench:statements', id });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** With a folder, the child writes a V8 CPU profile there when it exits (`node --cpu-prof`). */
const profiling = (name: string, dir?: string): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : []);

/** The real API as production runs it: API role, no seed, warnings only. */
export function startApi(databaseUrl: string, dataDir: string, profileDir?: string, root = repositoryRoot()): Promise<ServerProcess> {
  return start(
    'API',
    'assay-api',
    builtFiles(root).api,
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, ASSAY_ROLE: 'api', ASSAY_SEED: 'false', LOG_LEVEL: 'warn', ASSAY_DATA_DIR: dataDir },
    root,
    profiling('api', profileDir),
  );
}

/** A job worker (pg-boss: the evidence outbox drain, mail, reminders) on the same database; it serves no HTTP. */
export function startWorker(databaseUrl: string, dataDir: string, root = repositoryRoot()): Promise<ServerProcess> {
  return start(
    'worker',
    'assay-worker',
    builtFiles(root).api,
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, ASSAY_ROLE: 'worker', ASSAY_SEED: 'false', LOG_LEVEL: 'info', ASSAY_DATA_DIR: dataDir },
    root,
    [],
    60_000,
    'Assay is ready',
  );
}

/** The raw-SQL floor, accepting exactly the benchmark's documents. */
export function startFloor(databaseUrl: string, documents: Record<string, string>, profileDir?: string, root = repositoryRoot()): Promise<ServerProcess> {
  return start('floor', 'assay-floor', builtFiles(root).floor, { NODE_ENV: 'production', DATABASE_URL: databaseUrl, FLOOR_DOCUMENTS: JSON.stringify(documents) }, root, profiling('floor', profileDir));
}

/** The floor again, answering search with the frozen baseline SQL (baseline.ts). */
export function startBaseline(databaseUrl: string, documents: Record<string, string>, profileDir?: string, root = repositoryRoot()): Promise<ServerProcess> {
  return start(
    'baseline',
    'assay-baseline',
    builtFiles(root).floor,
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, FLOOR_DOCUMENTS: JSON.stringify(documents), FLOOR_SEARCH: 'baseline', FLOOR_APPLICATION_NAME: 'assay-baseline' },
    root,
    profiling('baseline', profileDir),
  );
}
