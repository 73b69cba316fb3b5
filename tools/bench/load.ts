import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses counted (2xx). */
  requests: number;
  /** Connection errors, timeouts, non-2xx answers and bodies that were not `{"data":…}` without errors. */
  errors: number;
}

/** Drives `POST /graphql` with `connections` connections for `durationSec`, cycling through `bodies` in order. */
export async function drive(url: string, bodies: readonly string[], connections: number, durationSec: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: durationSec,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
    verifyBody: (body) => body.startsWith('{"data":{') && !body.includes('"errors":['),
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
    errors: result.errors + result.non2xx + result.mismatches,
  };
}

export async function post(url: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    throw new Error(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}

/** The first place where two JSON values differ, as `path: a ≠ b` (null when they are equal). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 200);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return `${path}: ${show(a)} ≠ ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return `${path}: ${show(a)} ≠ ${show(b)}`;
}
