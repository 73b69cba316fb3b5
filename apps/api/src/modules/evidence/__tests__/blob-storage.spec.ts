import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BlobNotFoundError, type BlobStorage, blobKey } from '../storage/blob-storage';
import { LocalBlobStorage } from '../storage/local-blob-storage';
import { S3BlobStorage } from '../storage/s3-blob-storage';
import { signV4 } from '../storage/sigv4';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The behaviour every backend must have, run against each. */
function behavesAsBlobStorage(name: string, make: () => Promise<{ storage: BlobStorage; cleanup(): Promise<void> }>) {
  describe(name, () => {
    let storage: BlobStorage;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ storage, cleanup } = await make()));
    afterEach(() => cleanup());

    it('stores bytes under their hash and reads them back, whole or as a range', async () => {
      const bytes = Buffer.from('forecast_mape,0.12\n');
      const hash = sha256(bytes);
      expect(await storage.exists(hash)).toBe(false);
      await storage.put(hash, Readable.from([bytes]), bytes.length, 'text/csv');
      expect(await storage.exists(hash)).toBe(true);
      expect(await text(await storage.get(hash))).toBe('forecast_mape,0.12\n');
      expect(await text(await storage.get(hash, { start: 9, end: 12 }))).toBe('mape');
    });

    it('keeps an existing blob when the same bytes are stored again', async () => {
      const bytes = Buffer.from('same bytes');
      await storage.put(sha256(bytes), bytes, bytes.length, 'text/plain');
      await storage.put(sha256(bytes), Readable.from([bytes]), bytes.length, 'text/plain');
      expect(await text(await storage.get(sha256(bytes)))).toBe('same bytes');
    });

    it('refuses bytes that do not match the hash they are stored under', async () => {
      const claimed = sha256('what was promised');
      await expect(storage.put(claimed, Buffer.from('something else'), 14, 'text/plain')).rejects.toThrow();
      expect(await storage.exists(claimed)).toBe(false);
    });

    it('deletes, and reports a missing blob as BlobNotFoundError', async () => {
      const bytes = Buffer.from('to be removed');
      await storage.put(sha256(bytes), bytes, bytes.length, 'text/plain');
      await storage.delete(sha256(bytes));
      await storage.delete(sha256(bytes));
      await expect(storage.get(sha256(bytes))).rejects.toBeInstanceOf(BlobNotFoundError);
    });
  });
}

behavesAsBlobStorage(LocalBlobStorage.name, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-blobs-'));
  return { storage: new LocalBlobStorage(root), cleanup: async () => fs.rmSync(root, { recursive: true, force: true }) };
});

describe(`${LocalBlobStorage.name} on disk`, () => {
  it('lays blobs out as ab/cd/<sha256> and leaves no temporary file behind, even after a refused write', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-blobs-'));
    try {
      const storage = new LocalBlobStorage(root);
      const bytes = Buffer.from('%PDF-1.4 layout');
      const hash = sha256(bytes);
      await storage.put(hash, bytes, bytes.length, 'application/pdf');
      await expect(storage.put(sha256('other'), bytes, bytes.length, 'application/pdf')).rejects.toThrow(/does not match/);
      const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.map((f) => path.relative(root, path.join(f.parentPath, f.name)))).toEqual([blobKey(hash)]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a name that is not a SHA-256, so no path can be smuggled in', () => {
    const storage = new LocalBlobStorage('/tmp/unused');
    expect(() => storage.pathOf('../../etc/passwd')).toThrow(/Not a SHA-256/);
  });
});

/**
 * A small S3 stand-in: checks every request's Signature V4 and payload hash the
 * way S3 does, and keeps objects in memory.
 */
async function fakeS3(credentials: { accessKeyId: string; secretAccessKey: string; region: string }) {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signedNames = /SignedHeaders=([^,]+)/.exec(req.headers.authorization ?? '')?.[1].split(';') ?? [];
      const signedHeaders = Object.fromEntries(signedNames.filter((n) => !n.startsWith('x-amz-')).map((n) => [n, String(req.headers[n])]));
      const amzDate = String(req.headers['x-amz-date']);
      const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
      const expected = signV4({ method: req.method!, path: req.url!, headers: signedHeaders, payloadSha256: String(req.headers['x-amz-content-sha256']), date }, { ...credentials, service: 's3' });
      seen.push(`${req.method} ${req.url}`);
      if (expected.authorization !== req.headers.authorization || !signedNames.includes('host')) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      if (req.method === 'PUT' && sha256(body) !== req.headers['x-amz-content-sha256']) {
        res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>XAmzContentSHA256Mismatch</Code></Error>');
        return;
      }
      const object = objects.get(req.url!);
      if (req.method === 'PUT') {
        objects.set(req.url!, { body, type: String(req.headers['content-type']) });
        res.writeHead(200).end();
      } else if (req.method === 'DELETE') {
        objects.delete(req.url!);
        res.writeHead(204).end();
      } else if (!object) {
        res.writeHead(404, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
      } else if (req.method === 'GET' && req.headers.range) {
        const [, start, end] = /bytes=(\d+)-(\d+)/.exec(req.headers.range)!;
        res.writeHead(206, { 'content-type': object.type }).end(object.body.subarray(Number(start), Number(end) + 1));
      } else {
        res.writeHead(200, { 'content-type': object.type, 'content-length': object.body.length }).end(req.method === 'HEAD' ? undefined : object.body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, objects, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const s3Credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-key', region: 'eu-central-1' };

behavesAsBlobStorage(S3BlobStorage.name, async () => {
  const s3 = await fakeS3(s3Credentials);
  return { storage: new S3BlobStorage({ endpoint: s3.endpoint, bucket: 'assay-evidence', ...s3Credentials }), cleanup: s3.close };
});

describe(`${S3BlobStorage.name} requests`, () => {
  it('uses path-style keys blobs/ab/cd/<sha256> and stores the detected media type', async () => {
    const s3 = await fakeS3(s3Credentials);
    try {
      const storage = new S3BlobStorage({ endpoint: s3.endpoint, bucket: 'assay-evidence', ...s3Credentials });
      const bytes = Buffer.from('{"mape":0.12}');
      const hash = sha256(bytes);
      await storage.put(hash, bytes, bytes.length, 'application/json');
      const key = `/assay-evidence/blobs/${blobKey(hash)}`;
      expect(s3.seen).toEqual([`HEAD ${key}`, `PUT ${key}`]);
      expect(s3.objects.get(key)?.type).toBe('application/json');
    } finally {
      await s3.close();
    }
  });

  it('fails with S3\'s error code when the credentials are wrong', async () => {
    const s3 = await fakeS3(s3Credentials);
    try {
      const storage = new S3BlobStorage({ endpoint: s3.endpoint, bucket: 'assay-evidence', ...s3Credentials, secretAccessKey: 'wrong' });
      await expect(storage.get(sha256('x'))).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
    } finally {
      await s3.close();
    }
  });
});
