import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './ports';

/** The repository root and the built API entry point (`npm test` builds it up front). */
export const root = path.resolve(__dirname, '../..');
export const apiEntry = path.join(root, 'dist/api/apps/api/src/main.js');

/** A running Assay process (API, worker or both) started from the built entry point. */
export interface AssayProcess {
  child: ChildProcess;
  /** The HTTP port (also set for workers, which do not listen). */
  port: number;
  url: string;
  readyMs: number;
  output: () => string;
}

/**
 * Starts the built API as `npm start` does, with `env` on top of a minimal environment,
 * and waits until it is ready: `/health` answers 200 for processes that listen, the
 * "Assay is ready" log line for workers (ASSAY_ROLE=worker).
 */
export async function startAssay(env: Record<string, string>, timeoutMs = 60_000): Promise<AssayProcess> {
  if (!fs.existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: run the tests through \`npm test\`, which builds the API first.`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const t0 = Date.now();
  let output = '';
  const child = spawn(process.execPath, [apiEntry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'info', ASSAY_SEED: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const worker = env.ASSAY_ROLE === 'worker';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Assay exited early:\n${output}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`Assay was not ready within ${timeoutMs} ms:\n${output}`);
    }
    if (worker) {
      if (output.includes('Assay is ready')) break;
    } else {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, port, url: `http://127.0.0.1:${port}`, readyMs: Date.now() - t0, output: () => output };
}

/** Stops a process with SIGTERM (graceful) and resolves with its exit code. */
export async function stopAssay(p: AssayProcess): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode;
  const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
  p.child.kill('SIGTERM');
  return exited;
}

/** Kills a process with SIGKILL (no shutdown hooks run) and waits until it is gone. */
export async function killAssay(p: AssayProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill('SIGKILL');
  await exited;
}
