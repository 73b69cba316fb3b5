import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../../config/config';
import { createBlobStorage } from '../storage/blob-storage.provider';
import { LocalBlobStorage } from '../storage/local-blob-storage';
import { S3BlobStorage } from '../storage/s3-blob-storage';

const S3_ENV = { EVIDENCE_STORAGE: 's3', S3_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com', S3_BUCKET: 'assay-evidence', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret' };

describe(createBlobStorage.name, () => {
  it('keeps blobs under ASSAY_DATA_DIR/blobs by default', () => {
    const storage = createBlobStorage(loadConfig({ ASSAY_DATA_DIR: '/srv/assay' }));
    expect(storage).toBeInstanceOf(LocalBlobStorage);
    expect((storage as LocalBlobStorage).root).toBe(path.resolve('/srv/assay/blobs'));
  });

  it('uses an S3-compatible bucket when EVIDENCE_STORAGE=s3 is fully configured', () => {
    const config = loadConfig(S3_ENV);
    expect(config.evidenceStorage).toEqual({ kind: 's3', endpoint: 'https://s3.eu-central-1.amazonaws.com', bucket: 'assay-evidence', accessKeyId: 'AKID', secretAccessKey: 'secret', region: 'us-east-1' });
    expect(createBlobStorage(config)).toBeInstanceOf(S3BlobStorage);
  });

  it('fails fast, naming the missing or bad variable, when S3 is half configured', () => {
    expect(() => loadConfig({ ...S3_ENV, S3_BUCKET: '' })).toThrow(new ConfigError('Invalid configuration: S3_BUCKET is required when EVIDENCE_STORAGE=s3'));
    expect(() => loadConfig({ ...S3_ENV, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/S3_SECRET_ACCESS_KEY is required/);
    expect(() => loadConfig({ ...S3_ENV, S3_ENDPOINT: 'minio:9000' })).toThrow(/^Invalid configuration: S3_ENDPOINT/);
    expect(() => loadConfig({ ...S3_ENV, S3_BUCKET: 'Not_A_Bucket' })).toThrow(/^Invalid configuration: S3_BUCKET must be a bucket name/);
    expect(() => loadConfig({ EVIDENCE_STORAGE: 'ftp' })).toThrow(/^Invalid configuration: EVIDENCE_STORAGE/);
  });
});
