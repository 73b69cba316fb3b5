import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobNotFoundError, type BlobSource, type BlobStorage, blobKey, type ByteRange } from './blob-storage';

/**
 * Blobs as files under `<root>/ab/cd/<sha256>`. A blob is written to a temporary
 * file in its final folder, checked against its hash, and renamed into place, so a
 * half-written file never appears under a hash (rename is atomic within a folder).
 */
export class LocalBlobStorage implements BlobStorage {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return path.join(this.root, ...blobKey(sha256).split('/'));
  }

  async put(sha256: string, source: BlobSource, size: number, _mediaType?: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      if (source instanceof Readable) source.resume();
      return;
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    let written = 0;
    try {
      const input = source instanceof Readable ? source : Readable.from([source]);
      await pipeline(
        input,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            written += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: 'wx', mode: 0o640 }),
      );
      const actual = hash.digest('hex');
      if (actual !== sha256 || written !== size) {
        throw new Error(`Blob content does not match its name: expected ${sha256} (${size} bytes), got ${actual} (${written} bytes)`);
      }
      // Another writer may have won the race; rename replaces its identical file atomically.
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(sha256);
    try {
      // Opened before returning, so a missing blob fails here rather than mid-response.
      const handle = await fs.open(file, 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw e;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }
}
