import type { Readable } from 'node:stream';

/** Injection token of the configured {@link BlobStorage}. */
export const BLOB_STORAGE = Symbol('BLOB_STORAGE');

/** The bytes to store: a buffer, or a stream of exactly `size` bytes. */
export type BlobSource = Buffer | Readable;

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed storage of evidence files: a blob's name is the SHA-256 of its
 * bytes, so the same file is stored once however often it is attached, and a blob
 * never changes once written. Implementations must never expose a partly written
 * blob under its hash.
 */
export interface BlobStorage {
  /** Stores the bytes under their hash; a blob that already exists is left as it is. */
  put(sha256: string, source: BlobSource, size: number, mediaType: string): Promise<void>;
  /** Streams the blob (or `range` of it); fails with {@link BlobNotFoundError} when there is none. */
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the blob if present (callers make sure nothing references it any more). */
  delete(sha256: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No blob stored under ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything but a lower-case hex SHA-256, so a hash can never smuggle a path. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
}

/** `ab/cd/abcd…`: two levels of fan-out keep directories (and bucket listings) small. */
export function blobKey(sha256: string): string {
  assertSha256(sha256);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
