import * as path from 'node:path';
import * as os from 'node:os';
import { z } from 'zod';

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
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Assay <no-reply@assay.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
});

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
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  webDistDir: string;
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
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(process.cwd(), 'dist', 'web')),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
