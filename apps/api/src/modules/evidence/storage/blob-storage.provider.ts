import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { BLOB_STORAGE, type BlobStorage } from './blob-storage';
import { LocalBlobStorage } from './local-blob-storage';
import { S3BlobStorage } from './s3-blob-storage';

/** The storage backend the configuration names (EVIDENCE_STORAGE). */
export function createBlobStorage(config: AppConfig): BlobStorage {
  const storage = config.evidenceStorage;
  if (storage.kind === 's3') return new S3BlobStorage(storage);
  return new LocalBlobStorage(path.join(config.dataDir, 'blobs'));
}

export const blobStorageProvider: Provider = { provide: BLOB_STORAGE, inject: [APP_CONFIG], useFactory: createBlobStorage };
