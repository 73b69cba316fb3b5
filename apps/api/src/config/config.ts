import * as path from 'node:path';
import * as os from 'node:os';
import { isIP } from 'node:net';
import { z } from 'zod';
import { chooseLogFormat, type LogFormat } from '../common/log-format';

/** Raised when the environment is unusable; its message is one line naming the variable. */
export class ConfigError extends Error {}

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// or postgresql:// URL');

/**
 * Every variable Assay reads. The README's configuration table mirrors this
 * schema; keep them in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_READ_URLS: z.string().optional(),
  ASSAY_DATA_DIR: z.string().min(1).optional(),
  ASSAY_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ASSAY_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  ASSAY_SEED: booleanish.default(true),
  ASSAY_PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COOKIE_SECURE: booleanish.optional(),
  ALLOW_INSECURE_COOKIES: booleanish.default(false),
  TRUST_PROXY: z
    .string()
    .refine(isTrustProxy, 'must be false, a hop count (1, 2, …), or comma-separated proxy addresses/CIDRs (loopback, linklocal, uniquelocal, 10.0.0.0/8, …)')
    .default('loopback'),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Assay <no-reply@assay.local>'),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  MAIL_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WEB_DIST_DIR: z.string().optional(),
  EVIDENCE_STORAGE: z.enum(['local', 's3']).default('local'),
  EVIDENCE_ORPHAN_GRACE_HOURS: z.coerce.number().min(0.01).max(24 * 365).default(24),
  S3_ENDPOINT: z.string().url().refine((v) => /^https?:\/\//.test(v), 'must be an http(s):// URL').optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (lower-case letters, digits, dots, dashes)').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  // Checked (without echoing it) when the ledger module starts: a secret must not reach an error message.
  LEDGER_SIGNER_KEY: z.string().optional(),
  LEDGER_ORIGIN: z.string().regex(/^[^\s+]+$/, 'must be a log name without spaces or "+", e.g. assay.example/ledger').optional(),
  LEDGER_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  DNS_SERVERS: z
    .string()
    .regex(/^[^\s,]+(,[^\s,]+)*$/, 'must be a comma-separated list of host or host:port, e.g. 10.0.0.2,10.0.0.3:53')
    .optional(),
  DNS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
  RDAP_BASE_URL: z
    .string()
    .refine((v) => v === 'off' || /^https?:\/\/.+/.test(v), 'must be an http(s):// URL or "off"')
    .default('https://rdap.org'),
});

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `false`, a hop count, or a list of addresses, CIDR ranges and Express's names for address ranges. */
function isTrustProxy(value: string): boolean {
  if (value === 'false' || /^\d{1,2}$/.test(value)) return true;
  return value.split(',').every((part) => {
    const item = part.trim();
    if (TRUST_PROXY_NAMES.has(item)) return true;
    const [address, bits, extra] = item.split('/');
    const family = isIP(address);
    if (!family || extra !== undefined) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
}

/** What Express's `trust proxy` setting gets from TRUST_PROXY. */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim());
}

/** Where evidence files are kept: ASSAY_DATA_DIR/blobs, or an S3-compatible bucket (path-style URLs). */
export type EvidenceStorageConfig =
  | { kind: 'local' }
  | { kind: 's3'; endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset means: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  readReplicaUrls: string[];
  dataDir: string;
  embeddedPgPort: number;
  role: 'all' | 'api' | 'worker';
  seed: boolean;
  publicUrl: string;
  sessionTtlDays: number;
  cookieSecure: boolean;
  /** Set when COOKIE_SECURE=false was allowed in production by ALLOW_INSECURE_COOKIES (logged at start). */
  insecureCookiesAllowed: boolean;
  /** Which hops before the app are proxies whose X-Forwarded-For is believed (client address for rate limits and logs). */
  trustProxy: TrustProxy;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  /** `pretty` lines on a developer's terminal, JSON everywhere else (LOG_FORMAT overrides). */
  logFormat: LogFormat;
  /** How often pg-boss supervises (expires stuck jobs, retries them); lower in tests. */
  jobsMaintenanceSeconds: number;
  /** A mail send still running after this long is taken for dead with its worker; pg-boss expires and retries it. */
  mailSendTimeoutSeconds: number;
  /** First delay before a failed or expired mail send is retried (then backing off). */
  mailRetryDelaySeconds: number;
  webDistDir: string;
  evidenceStorage: EvidenceStorageConfig;
  /** Evidence files (and staged uploads) that nothing references are removed once older than this. */
  evidenceOrphanGraceHours: number;
  ledger: LedgerConfig;
  identity: IdentityConfig;
}

/** Where client-domain facts come from: DNS (system resolver unless servers are given) and RDAP. */
export interface IdentityConfig {
  /** DNS servers to ask; empty means the system resolver's (/etc/resolv.conf). */
  dnsServers: string[];
  /** A DNS or RDAP question unanswered after this long counts as unreachable ("not checked"). */
  dnsTimeoutMs: number;
  /** RDAP bootstrap service (`…/domain/<name>`); null when RDAP is off. */
  rdapBaseUrl: string | null;
}

/** The verification ledger: its signed tree heads' origin line, signer key and cadence. */
export interface LedgerConfig {
  /** Checkpoint origin, e.g. `assay.example/ledger` (default: the public URL's host + `/ledger`). */
  origin: string;
  /** `PRIVATE+KEY+…` signer key; unset means the key file in the data folder (generated on first start). */
  signerKey?: string;
  /** A new signed tree head is published at most this long after an append, and no more often. */
  checkpointIntervalSeconds: number;
}

/** A data folder that the unprivileged `postgres` user can reach even when Assay runs as root. */
function defaultDataDir(): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) return '/var/lib/assay';
  return path.join(os.homedir(), '.local', 'share', 'assay');
}

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message.replace(/^Invalid input: /, '')} (got ${JSON.stringify(cleaned[name] ?? '')})`);
  }
  const e = parsed.data;
  const cookieSecure = e.COOKIE_SECURE ?? e.NODE_ENV === 'production';
  if (e.NODE_ENV === 'production' && !cookieSecure && !e.ALLOW_INSECURE_COOKIES) {
    throw new ConfigError(
      'Invalid configuration: COOKIE_SECURE=false is refused in production (session cookies would travel over plain HTTP); serve Assay over HTTPS, or set ALLOW_INSECURE_COOKIES=true if you must (docs/operations.md)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    readReplicaUrls: (e.DATABASE_READ_URLS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    dataDir: path.resolve(e.ASSAY_DATA_DIR ?? defaultDataDir()),
    embeddedPgPort: e.ASSAY_EMBEDDED_PG_PORT,
    role: e.ASSAY_ROLE,
    seed: e.ASSAY_SEED,
    publicUrl: (e.ASSAY_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionTtlDays: e.SESSION_TTL_DAYS,
    cookieSecure,
    insecureCookiesAllowed: e.NODE_ENV === 'production' && !cookieSecure,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    logFormat: chooseLogFormat(e.NODE_ENV, e.LOG_FORMAT, !!process.stdout.isTTY),
    jobsMaintenanceSeconds: e.JOBS_MAINTENANCE_SECONDS,
    mailSendTimeoutSeconds: e.MAIL_SEND_TIMEOUT_SECONDS,
    mailRetryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(process.cwd(), 'dist', 'web')),
    evidenceStorage: evidenceStorage(e),
    evidenceOrphanGraceHours: e.EVIDENCE_ORPHAN_GRACE_HOURS,
    ledger: {
      origin: e.LEDGER_ORIGIN ?? `${new URL(e.ASSAY_PUBLIC_URL ?? `http://localhost:${e.PORT}`).host}/ledger`,
      signerKey: e.LEDGER_SIGNER_KEY,
      checkpointIntervalSeconds: e.LEDGER_CHECKPOINT_INTERVAL_SECONDS,
    },
    identity: {
      dnsServers: (e.DNS_SERVERS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      dnsTimeoutMs: e.DNS_TIMEOUT_MS,
      rdapBaseUrl: e.RDAP_BASE_URL === 'off' ? null : e.RDAP_BASE_URL.replace(/\/+$/, ''),
    },
  };
}

function evidenceStorage(e: z.infer<typeof schema>): EvidenceStorageConfig {
  if (e.EVIDENCE_STORAGE === 'local') return { kind: 'local' };
  const required = { S3_ENDPOINT: e.S3_ENDPOINT, S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY };
  for (const [name, value] of Object.entries(required)) {
    if (!value) throw new ConfigError(`Invalid configuration: ${name} is required when EVIDENCE_STORAGE=s3`);
  }
  return { kind: 's3', endpoint: e.S3_ENDPOINT!.replace(/\/+$/, ''), bucket: e.S3_BUCKET!, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY!, region: e.S3_REGION };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
