import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { EvidenceRepository } from './evidence.repository';
import { BLOB_STORAGE, type BlobStorage } from './storage/blob-storage';
import { stagingDir } from './upload-staging';

export const EVIDENCE_ORPHANS_JOB = 'evidence.remove-orphans';

/** Blobs looked at per run; the next hourly run takes the rest. */
const BATCH = 500;

/**
 * Removes evidence files that no evidence item references any more — an upload
 * abandoned between storing the blob and committing its row, or items removed
 * with their case study — once they are older than EVIDENCE_ORPHAN_GRACE_HOURS,
 * and staged uploads left behind by a process that died mid-request. The grace
 * period keeps an upload in flight (blob stored, row not yet committed) safe.
 */
@Injectable()
export class EvidenceOrphansService implements OnModuleInit {
  private readonly logger = new Logger('EvidenceOrphans');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    private readonly tx: TransactionService,
    private readonly evidence: EvidenceRepository,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({ name: EVIDENCE_ORPHANS_JOB, cron: '17 * * * *', handler: () => this.removeOrphans().then(() => undefined) });
  }

  /** One run: returns how many blobs and staged files it removed. */
  async removeOrphans(now = new Date()): Promise<{ blobs: number; stagedFiles: number }> {
    const cutoff = new Date(now.getTime() - this.config.evidenceOrphanGraceHours * 3_600_000);
    const system = RequestContext.system();
    const candidates: Array<{ sha256: string }> = await this.tx.manager(system).query(
      `SELECT b.sha256 FROM evidence_blobs b
        WHERE b.stored_at < $1 AND NOT EXISTS (SELECT 1 FROM evidence_items i WHERE i.sha256 = b.sha256)
        ORDER BY b.stored_at LIMIT ${BATCH}`,
      [cutoff],
    );
    let blobs = 0;
    for (const { sha256 } of candidates) {
      const removed = await this.tx.run(system, async (tx) => {
        // The same lock as an upload of these bytes: either it commits its row first, or it waits and stores the blob again.
        await this.evidence.lockBlob(tx, sha256);
        const still: unknown[] = await this.tx
          .manager(tx)
          .query(`SELECT 1 FROM evidence_blobs b WHERE b.sha256 = $1 AND b.stored_at < $2 AND NOT EXISTS (SELECT 1 FROM evidence_items i WHERE i.sha256 = b.sha256)`, [sha256, cutoff]);
        if (still.length === 0) return false;
        await this.storage.delete(sha256);
        await this.tx.manager(tx).query(`DELETE FROM evidence_blobs WHERE sha256 = $1`, [sha256]);
        return true;
      });
      if (removed) blobs++;
    }
    const stagedFiles = await this.removeStaleStagedFiles(cutoff);
    if (blobs || stagedFiles) this.logger.log(`Removed ${blobs} unreferenced evidence files and ${stagedFiles} abandoned uploads`);
    return { blobs, stagedFiles };
  }

  /** Staged uploads are local to the process that received them: this cleans the folder of the host it runs on. */
  private async removeStaleStagedFiles(cutoff: Date): Promise<number> {
    const dir = stagingDir(this.config);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.startsWith('upload-')) continue;
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isFile() && stat.mtime < cutoff) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
