import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../../config/config';

/** Where uploads wait while they are checked: local, even when blobs go to S3. */
export function stagingDir(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'uploads');
}

/** An uploaded file as multer hands it over after {@link StagingStorage} received it. */
export interface StagedFile {
  fieldname: string;
  /** The name on the sender's computer (multer decodes it as UTF-8, see `defParamCharset`). */
  originalname: string;
  /** The media type the sender declared for the file part (checked against the content). */
  mimetype?: string;
  /** The temporary file holding the bytes; removed once the request is done with it. */
  path: string;
  size: number;
  /** SHA-256 of the bytes, computed while they streamed in. */
  sha256: string;
}

interface IncomingFile {
  fieldname: string;
  originalname: string;
  stream: Readable & { truncated?: boolean };
}

/**
 * A multer storage engine that streams an upload to a temporary file while hashing
 * it, so a 20 MB file never sits in memory and its SHA-256 is known when it ends.
 * A file cut off by the size limit is deleted at once; multer then reports 413.
 */
export class StagingStorage {
  constructor(readonly dir: string) {}

  _handleFile(_req: unknown, file: IncomingFile, callback: (error: Error | null, info?: Partial<StagedFile>) => void): void {
    void this.receive(file).then(
      (info) => callback(null, info),
      (error: Error) => callback(error),
    );
  }

  _removeFile(_req: unknown, file: Partial<StagedFile>, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    fs.rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }

  private async receive(file: IncomingFile): Promise<Partial<StagedFile>> {
    await fs.mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, `upload-${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        file.stream,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(target, { flags: 'wx', mode: 0o600 }),
      );
      if (file.stream.truncated) throw new Error('The upload is over the size limit.');
      return { path: target, size, sha256: hash.digest('hex') };
    } catch (error) {
      await fs.rm(target, { force: true });
      throw error;
    }
  }
}

/** Removes a staged file; safe to call twice. */
export async function discardStagedFile(file: Pick<StagedFile, 'path'> | undefined): Promise<void> {
  if (file?.path) await fs.rm(file.path, { force: true });
}
