// The ledger's signing key: LEDGER_SIGNER_KEY, else a key file in the data folder,
// generated on first start. The private key never enters the database, so a
// database edit cannot forge a signed tree head.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSignerKey, encodeSignerKey, encodeVerifierKey, generateSignerKey, LedgerFormatError, type SignerKey, verifierKeyOf } from '@assay/ledger';
import { type AppConfig, ConfigError } from '../../config/config';

export const SIGNER_KEY_FILE = 'ledger-signer.key';

/** Where a generated signer key is kept. */
export function signerKeyPath(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, SIGNER_KEY_FILE);
}

/** The configured key (LEDGER_SIGNER_KEY, else the key file); undefined when there is neither. Never generates one. */
export function readSignerKey(config: Pick<AppConfig, 'dataDir' | 'ledger'>): SignerKey | undefined {
  if (config.ledger.signerKey) return decode(config.ledger.signerKey, 'LEDGER_SIGNER_KEY');
  const file = signerKeyPath(config);
  if (!fs.existsSync(file)) return undefined;
  return decode(fs.readFileSync(file, 'utf8').trim(), file);
}

/**
 * The configured key, or a new one written to the data folder (mode 0600). Several
 * processes starting at once on one host agree on one key: the file appears
 * atomically (link of a complete temporary file), and a loser reads the winner's.
 */
export function loadOrCreateSignerKey(config: Pick<AppConfig, 'dataDir' | 'ledger'>): { key: SignerKey; generated: boolean } {
  const existing = readSignerKey(config);
  if (existing) return { key: existing, generated: false };
  const file = signerKeyPath(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = generateSignerKey(config.ledger.origin);
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${encodeSignerKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
    return { key, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readSignerKey(config)!, generated: false };
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The public verifier key string (`<name>+<hash>+<key>`) of a signer key. */
export function verifierKeyString(key: SignerKey): string {
  return encodeVerifierKey(verifierKeyOf(key));
}

function decode(text: string, source: string): SignerKey {
  try {
    return decodeSignerKey(text);
  } catch (error) {
    // The message names the source and the defect, never the key itself.
    const code = error instanceof LedgerFormatError ? error.code : 'MALFORMED_KEY';
    throw new ConfigError(`Invalid configuration: ${source} is not a ledger signer key (PRIVATE+KEY+<name>+<hash>+<key>): ${code}`);
  }
}
