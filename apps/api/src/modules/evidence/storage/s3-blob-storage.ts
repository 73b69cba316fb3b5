import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobSource, type BlobStorage, blobKey, type ByteRange } from './blob-storage';
import { awsUriEncode, EMPTY_PAYLOAD_SHA256, signV4 } from './sigv4';

export interface S3Settings {
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `http://minio:9000`; path-style addressing. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Key prefix inside the bucket. */
  prefix?: string;
}

const TIMEOUT_MS = 60_000;

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …) under
 * `blobs/ab/cd/<sha256>`, spoken to with plain HTTP and Signature V4. The payload hash
 * S3 checks is the blob's own name, so S3 refuses a body that is not what it claims.
 * A single PUT is atomic: a half-uploaded object never becomes visible.
 */
export class S3BlobStorage implements BlobStorage {
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    this.base = new URL(settings.endpoint);
  }

  async put(sha256: string, source: BlobSource, size: number, mediaType: string): Promise<void> {
    if (await this.exists(sha256)) {
      if (source instanceof Readable) source.resume();
      return;
    }
    const res = await this.request('PUT', sha256, { payloadSha256: sha256, body: source, headers: { 'content-length': String(size), 'content-type': mediaType } });
    await expectOk(res, `store blob ${sha256}`);
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const res = await this.request('GET', sha256, range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {});
    if (res.statusCode === 404) {
      res.resume();
      throw new BlobNotFoundError(sha256);
    }
    if (res.statusCode !== (range ? 206 : 200)) throw await s3Failure(res, `read blob ${sha256}`);
    return res;
  }

  async exists(sha256: string): Promise<boolean> {
    const res = await this.request('HEAD', sha256);
    res.resume();
    if (res.statusCode === 404) return false;
    if (res.statusCode === 200) return true;
    throw new Error(`S3 answered ${res.statusCode} to HEAD of blob ${sha256}`);
  }

  async delete(sha256: string): Promise<void> {
    const res = await this.request('DELETE', sha256);
    if (res.statusCode === 404) return void res.resume();
    await expectOk(res, `delete blob ${sha256}`);
  }

  /** The object's path on the wire: `/<bucket>/<prefix>blobs/ab/cd/<sha256>`. */
  objectPath(sha256: string): string {
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const key = `${this.settings.prefix ?? ''}blobs/${blobKey(sha256)}`;
    return `${basePath}/${awsUriEncode(this.settings.bucket)}/${key.split('/').map(awsUriEncode).join('/')}`;
  }

  private request(
    method: 'GET' | 'HEAD' | 'PUT' | 'DELETE',
    sha256: string,
    options: { payloadSha256?: string; body?: BlobSource; headers?: Record<string, string> } = {},
  ): Promise<http.IncomingMessage> {
    const path = this.objectPath(sha256);
    const headers = signV4(
      { method, path, headers: { host: this.base.host, ...options.headers }, payloadSha256: options.payloadSha256 ?? EMPTY_PAYLOAD_SHA256, date: new Date() },
      { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey, region: this.settings.region, service: 's3' },
    );
    const client = this.base.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.request(
        { protocol: this.base.protocol, hostname: this.base.hostname, port: this.base.port || undefined, method, path, headers, timeout: TIMEOUT_MS },
        resolve,
      );
      req.on('timeout', () => req.destroy(new Error(`S3 did not answer ${method} ${path} within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      const body = options.body;
      if (body instanceof Readable) {
        body.on('error', (e) => req.destroy(e));
        body.pipe(req);
      } else {
        req.end(body);
      }
    });
  }
}

async function expectOk(res: http.IncomingMessage, what: string): Promise<void> {
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) throw await s3Failure(res, what);
  res.resume();
}

/** S3's error as one line (its XML `<Code>`), without echoing the whole body. */
async function s3Failure(res: http.IncomingMessage, what: string): Promise<Error> {
  const status = res.statusCode ?? 0;
  let text = '';
  for await (const chunk of res) if (text.length < 2000) text += String(chunk);
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  return new Error(`S3 refused to ${what}: HTTP ${status}${code ? ` ${code}` : ''}`);
}
