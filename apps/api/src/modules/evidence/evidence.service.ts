import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { checkEditable, isEditable } from '@assay/domain';
import { z } from 'zod';
import { authorize, permits } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { payloadTooLarge } from '../../common/rest-errors';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import type { EvidenceItemEntity } from './entities/evidence-item.entity';
import { formatBytes, MAX_CASE_STUDY_BYTES, MAX_EVIDENCE_ITEMS, MAX_FILE_BYTES } from './evidence-limits';
import { detectEvidenceType, type EvidenceTypeResult, sniffBinaryType, SNIFF_BYTES } from './evidence-type';
import { type EvidenceCaseStudy, EvidenceRepository } from './evidence.repository';
import type { CaseStudyEvidenceObject, EvidenceItemObject } from './graphql/evidence.object';
import { EvidenceKindGql } from './graphql/evidence.object';
import { BLOB_STORAGE, BlobNotFoundError, type BlobStorage, type ByteRange } from './storage/blob-storage';
import type { StagedFile } from './upload-staging';

const TITLE_MAX = 160;

const titleRule = z.string({ error: 'Give the evidence a title.' }).trim().min(1, 'Give the evidence a title.').max(TITLE_MAX, `A title has at most ${TITLE_MAX} characters.`);

const linkSchema = z.object({
  caseStudyId: z.uuid({ error: 'This case study does not exist.' }),
  title: titleRule,
  url: z
    .string({ error: 'Enter a web address starting with https://.' })
    .trim()
    .max(2000, 'A web address has at most 2,000 characters.')
    .refine(isPlainHttpsUrl, 'Enter a web address starting with https://, without a user name or password in it.'),
});

function isPlainHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password && !/\s/.test(value);
  } catch {
    return false;
  }
}

export function toEvidenceItemObject(item: EvidenceItemEntity): EvidenceItemObject {
  return {
    id: item.id,
    caseStudyId: item.caseStudyId,
    kind: item.kind as EvidenceKindGql,
    title: item.title,
    mediaType: item.mediaType,
    sizeBytes: item.sizeBytes,
    sha256: item.sha256,
    originalName: item.originalName,
    url: item.url,
    downloadUrl: item.kind === 'file' ? `/evidence/files/${item.id}` : null,
    createdAt: item.createdAt,
  };
}

/** The base name a browser sent, without control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'file';
}

@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    private readonly tx: TransactionService,
    private readonly evidence: EvidenceRepository,
  ) {}

  /**
   * The case study, if the caller may add evidence to it now. Checked before an
   * upload's body is read, and again under the row lock when it is stored.
   */
  async caseStudyForEditing(ctx: RequestContext, caseStudyId: string): Promise<EvidenceCaseStudy> {
    await authorize(ctx, 'signedIn');
    const caseStudy = await this.findCaseStudy(ctx, caseStudyId);
    await this.requireEditable(ctx, caseStudy);
    return caseStudy;
  }

  /**
   * Attaches an uploaded file: its type is detected from the bytes, then, with the
   * case study locked, the per-case-study limits are checked, the blob is stored
   * under its SHA-256 (once, however often it is attached) and the item is written.
   * The caller removes the staged file afterwards.
   */
  async attachFile(ctx: RequestContext, caseStudyId: string, file: StagedFile, rawTitle: unknown): Promise<EvidenceItemEntity> {
    const user = await authorize(ctx, 'signedIn');
    const originalName = cleanFileName(file.originalname);
    const title = rawTitle === undefined || rawTitle === '' ? originalName.slice(0, TITLE_MAX) : parseInput(z.object({ title: titleRule }), { title: rawTitle }).title;
    await this.caseStudyForEditing(ctx, caseStudyId);
    if (file.size > MAX_FILE_BYTES) throw fileTooLarge();

    const detected = await detectStagedFile(file.path, originalName, file.mimetype);
    if (!detected.ok) throw badInput(detected.message, [{ field: 'file', message: detected.message }], detected.reason);

    // Outside the transaction on purpose: if it never commits, the orphan job still knows the blob.
    await this.evidence.registerBlob(RequestContext.system(), file.sha256);
    return this.tx.run(ctx, async (tx) => {
      const caseStudy = await this.findCaseStudy(tx, caseStudyId, true);
      await this.requireEditable(tx, caseStudy);
      const duplicate = await this.evidence.findFileBySha(tx, caseStudy.id, file.sha256);
      if (duplicate) throw conflict(`This file is already attached to the case study as “${duplicate.title}”.`, 'DUPLICATE_FILE');
      const usage = await this.evidence.usage(tx, caseStudy.id);
      if (usage.items >= MAX_EVIDENCE_ITEMS) throw tooManyItems();
      if (usage.bytes + file.size > MAX_CASE_STUDY_BYTES) {
        throw payloadTooLarge(
          `The files of a case study may add up to ${formatBytes(MAX_CASE_STUDY_BYTES)}; this one already has ${formatBytes(usage.bytes)}, and ${originalName} (${formatBytes(file.size)}) would take it over. Remove a file first, or attach a smaller one.`,
          'CASE_STUDY_STORAGE_FULL',
        );
      }
      await this.evidence.lockBlob(tx, file.sha256);
      await this.storage.put(file.sha256, createReadStream(file.path), file.size, detected.mediaType);
      return this.evidence.insert(tx, {
        caseStudyId: caseStudy.id,
        kind: 'file',
        title,
        sha256: file.sha256,
        sizeBytes: file.size,
        mediaType: detected.mediaType,
        originalName,
        url: null,
        uploadedById: user.id,
      });
    });
  }

  async addLink(ctx: RequestContext, input: unknown): Promise<EvidenceItemEntity> {
    const user = await authorize(ctx, 'signedIn');
    const data = parseInput(linkSchema, input);
    const url = new URL(data.url).toString();
    return this.tx.run(ctx, async (tx) => {
      const caseStudy = await this.findCaseStudy(tx, data.caseStudyId, true);
      await this.requireEditable(tx, caseStudy);
      const items = await this.evidence.listForCaseStudy(tx, caseStudy.id);
      const same = items.find((i) => i.kind === 'link' && i.url === url);
      if (same) throw conflict(`This link is already attached as “${same.title}”.`, 'DUPLICATE_LINK');
      if (items.length >= MAX_EVIDENCE_ITEMS) throw tooManyItems();
      return this.evidence.insert(tx, { caseStudyId: caseStudy.id, kind: 'link', title: data.title, url, sha256: null, sizeBytes: null, mediaType: null, originalName: null, uploadedById: user.id });
    });
  }

  /**
   * Removes an item from a draft. A file's blob is deleted when no other item
   * references the same bytes, under the blob's lock so a parallel upload of the
   * same bytes cannot lose it.
   */
  async remove(ctx: RequestContext, evidenceId: string): Promise<string> {
    await authorize(ctx, 'signedIn');
    if (!z.uuid().safeParse(evidenceId).success) throw notFound('This evidence');
    return this.tx.run(ctx, async (tx) => {
      const item = await this.evidence.findById(tx, evidenceId);
      if (!item) throw notFound('This evidence');
      const caseStudy = await this.findCaseStudy(tx, item.caseStudyId, true);
      await this.requireEditable(tx, caseStudy);
      await this.evidence.delete(tx, item.id);
      if (item.sha256) {
        await this.evidence.lockBlob(tx, item.sha256);
        if ((await this.evidence.countBlobReferences(tx, item.sha256)) === 0) await this.storage.delete(item.sha256);
      }
      return item.id;
    });
  }

  /** The `evidenceReader` rule: the vendor's members, admins and the case study's assigned reviewers see its evidence. */
  private async requireReadable(ctx: RequestContext, caseStudy: EvidenceCaseStudy): Promise<void> {
    const user = await authorize(ctx, 'signedIn');
    await authorize(ctx, 'evidenceReader', { vendorId: caseStudy.vendorId, assignedReviewer: await this.isAssignedReviewer(ctx, user.id, caseStudy.id) });
  }

  /** Evidence is added and removed by members of the vendor (`evidenceEditor`), and only while the case study is a draft. */
  private async requireEditable(ctx: RequestContext, caseStudy: EvidenceCaseStudy): Promise<void> {
    await authorize(ctx, 'evidenceEditor', caseStudy);
    const editable = checkEditable(caseStudy.status);
    if (!editable.ok) throw conflict(editable.message, editable.code);
  }

  /** A reviewer holding this case study's task, or who recorded a verdict on it. */
  private async isAssignedReviewer(ctx: RequestContext, userId: string, caseStudyId: string): Promise<boolean> {
    const rows: Array<{ assigned: boolean }> = await this.tx.manager(ctx).query(
      `SELECT EXISTS (SELECT 1 FROM verification_tasks WHERE case_study_id = $2 AND leased_to_id = $1 AND status = 'leased')
           OR EXISTS (SELECT 1 FROM verdicts WHERE case_study_id = $2 AND reviewer_id = $1) AS assigned`,
      [userId, caseStudyId],
    );
    return rows[0]?.assigned === true;
  }

  async list(ctx: RequestContext, caseStudyId: string): Promise<CaseStudyEvidenceObject> {
    const user = await authorize(ctx, 'signedIn');
    const caseStudy = await this.findCaseStudy(ctx, caseStudyId);
    await this.requireReadable(ctx, caseStudy);
    const items = await this.evidence.listForCaseStudy(ctx, caseStudy.id);
    return {
      caseStudyId: caseStudy.id,
      editable: isEditable(caseStudy.status) && permits(user, 'evidenceEditor', caseStudy),
      totalBytes: items.reduce((sum, i) => sum + (i.sizeBytes ?? 0), 0),
      maxTotalBytes: MAX_CASE_STUDY_BYTES,
      maxFileBytes: MAX_FILE_BYTES,
      items: items.map(toEvidenceItemObject),
    };
  }

  /** A stored file the caller may read, and a way to stream it (or a byte range of it). */
  async openFile(ctx: RequestContext, evidenceId: string): Promise<{ item: EvidenceItemEntity & { sha256: string; sizeBytes: number; mediaType: string }; open: (range?: ByteRange) => Promise<Readable> }> {
    await authorize(ctx, 'signedIn');
    if (!z.uuid().safeParse(evidenceId).success) throw notFound('This file');
    const item = await this.evidence.findById(ctx, evidenceId);
    if (!item) throw notFound('This file');
    const caseStudy = await this.findCaseStudy(ctx, item.caseStudyId);
    await this.requireReadable(ctx, caseStudy);
    if (item.kind !== 'file' || !item.sha256 || item.sizeBytes === null || !item.mediaType) throw notFound('This file', 'NOT_A_FILE');
    const sha256 = item.sha256;
    return {
      item: { ...item, sha256, sizeBytes: item.sizeBytes, mediaType: item.mediaType },
      open: async (range) => {
        try {
          return await this.storage.get(sha256, range);
        } catch (e) {
          if (!(e instanceof BlobNotFoundError)) throw e;
          this.logger.error({ evidenceId, sha256 }, 'An evidence file is missing from blob storage');
          throw notFound('The stored file', 'FILE_MISSING');
        }
      },
    };
  }

  /**
   * For the case-study workflow: a new draft revision starts with the evidence of the
   * revision it corrects. Call inside the transaction that creates the revision.
   */
  async copyToRevision(ctx: RequestContext, fromCaseStudyId: string, toCaseStudyId: string): Promise<number> {
    return this.evidence.copyAll(ctx, fromCaseStudyId, toCaseStudyId);
  }

  private async findCaseStudy(ctx: RequestContext, caseStudyId: string, lock = false): Promise<EvidenceCaseStudy> {
    if (!z.uuid().safeParse(caseStudyId).success) throw notFound('This case study');
    const caseStudy = await this.evidence.findCaseStudy(ctx, caseStudyId, lock);
    if (!caseStudy) throw notFound('This case study');
    return caseStudy;
  }
}

export function fileTooLarge() {
  return payloadTooLarge(`A file can be at most ${formatBytes(MAX_FILE_BYTES)}. Attach a smaller file, or split it.`, 'FILE_TOO_LARGE');
}

function tooManyItems() {
  return conflict(`A case study can have at most ${MAX_EVIDENCE_ITEMS} pieces of evidence. Remove some before adding more.`, 'TOO_MANY_EVIDENCE_ITEMS');
}

/** Detects the type of a staged upload, reading only its head when that is enough (PDF, PNG, JPEG). */
async function detectStagedFile(file: string, originalName: string, declaredType: string | undefined): Promise<EvidenceTypeResult> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const start = head.subarray(0, bytesRead);
    if (sniffBinaryType(start).kind === 'accepted' || bytesRead < SNIFF_BYTES) return detectEvidenceType(start, originalName, declaredType);
    return detectEvidenceType(await fs.readFile(file), originalName, declaredType);
  } finally {
    await handle.close();
  }
}
