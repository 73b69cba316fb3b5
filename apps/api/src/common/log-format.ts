import { Writable } from 'node:stream';

/**
 * Human-readable log lines for a developer's terminal: `14:02:07 INFO  GraphQL POST /graphql 200 12ms`.
 * Production (and anything piped: tests, log shippers) keeps pino's JSON lines. No dependency: pino
 * writes JSON into this stream and it rewrites each line.
 */
export type LogFormat = 'json' | 'pretty';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'service', 'v', 'req', 'res', 'responseTime', 'context']);

/** JSON in production or when the output is not a terminal; pretty in development on a terminal; LOG_FORMAT decides when set. */
export function chooseLogFormat(env: string, explicit: string | undefined, isTty: boolean): LogFormat {
  if (explicit === 'json' || explicit === 'pretty') return explicit;
  return env === 'development' && isTty ? 'pretty' : 'json';
}

/** One pino JSON line as one readable line (unparseable input passes through unchanged). */
export function prettyLine(line: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = Number(entry.level);
  const time = new Date(Number(entry.time) || Date.now()).toTimeString().slice(0, 8);
  const name = LEVELS[level] ?? String(entry.level);
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const http = req ? ` ${req.method ?? ''} ${req.url ?? ''}${res?.statusCode ? ` ${res.statusCode}` : ''}${entry.responseTime !== undefined ? ` ${String(entry.responseTime)}ms` : ''}` : '';
  const context = entry.context ? `[${String(entry.context)}] ` : '';
  const rest = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const head = colour ? `\x1b[${COLOURS[level] ?? '0'}m${name}\x1b[0m` : name;
  return `${time} ${head} ${context}${String(entry.msg ?? '')}${http}${rest ? `  ${rest}` : ''}`;
}

/** A stream for pino's destination that writes pretty lines to stdout. */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout, colour = !!(out as { isTTY?: boolean }).isTTY): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(`${prettyLine(line, colour)}\n`);
      done();
    },
  });
}
