import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeVerifierKey, encodeSignerKey, generateSignerKey, signCheckpoint, verifyCheckpoint } from '@assay/ledger';
import { ConfigError, loadConfig } from '../../../config/config';
import { loadOrCreateSignerKey, readSignerKey, signerKeyPath, verifierKeyString } from '../ledger-signer';

const dataDirs: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-ledger-signer-'));
  dataDirs.push(dir);
  return dir;
}

describe('ledger signer key', () => {
  afterAll(() => dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('generates a key on first start into the data folder, readable only by its owner, and reuses it', () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ ASSAY_DATA_DIR: dataDir, ASSAY_PUBLIC_URL: 'https://assay.example' });
    expect(readSignerKey(config)).toBeUndefined();

    const first = loadOrCreateSignerKey(config);
    expect(first.generated).toBe(true);
    expect(first.key.name).toBe('assay.example/ledger');
    expect(fs.statSync(signerKeyPath(config)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['ledger-signer.key']);

    const again = loadOrCreateSignerKey(config);
    expect(again.generated).toBe(false);
    expect(verifierKeyString(again.key)).toBe(verifierKeyString(first.key));
  });

  it('prefers LEDGER_SIGNER_KEY and never writes a key file then', () => {
    const dataDir = tempDataDir();
    const key = generateSignerKey('assay.example/ledger');
    const config = loadConfig({ ASSAY_DATA_DIR: dataDir, LEDGER_SIGNER_KEY: encodeSignerKey(key) });
    const loaded = loadOrCreateSignerKey(config);
    expect(loaded.generated).toBe(false);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    const note = signCheckpoint({ origin: config.ledger.origin, treeSize: 1, rootHash: new Uint8Array(32) }, loaded.key);
    expect(verifyCheckpoint(note, decodeVerifierKey(verifierKeyString(key)))).toMatchObject({ valid: true });
  });

  it('refuses a malformed key with a message naming the variable but not the secret', () => {
    const secret = `PRIVATE+KEY+assay.example/ledger+00000000+${Buffer.alloc(33, 7).toString('base64')}`;
    const config = loadConfig({ ASSAY_DATA_DIR: tempDataDir(), LEDGER_SIGNER_KEY: secret });
    expect(() => loadOrCreateSignerKey(config)).toThrow(ConfigError);
    try {
      loadOrCreateSignerKey(config);
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration: LEDGER_SIGNER_KEY is not a ledger signer key/);
      expect((error as Error).message).not.toContain(Buffer.alloc(33, 7).toString('base64'));
    }
  });

  it('derives the origin from the public URL, or takes LEDGER_ORIGIN', () => {
    expect(loadConfig({ PORT: '4000' }).ledger.origin).toBe('localhost:4000/ledger');
    expect(loadConfig({ LEDGER_ORIGIN: 'assay.example/log' }).ledger.origin).toBe('assay.example/log');
    expect(() => loadConfig({ LEDGER_ORIGIN: 'has space' })).toThrow(/LEDGER_ORIGIN/);
    expect(loadConfig({}).ledger.checkpointIntervalSeconds).toBe(60);
  });
});
