import { pipeline } from 'node:stream/promises';
import { Body, CanActivate, Controller, ExecutionContext, Get, Inject, Injectable, Param, Post, Req, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { badInput, forbidden } from '../../common/errors';
import { isSameOrigin, restContext } from '../../common/rest-context';
import { RestExceptionFilter } from '../../common/rest-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccountsService } from '../accounts/accounts.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { MAX_FILE_BYTES } from './evidence-limits';
import { EvidenceService, fileTooLarge, toEvidenceItemObject } from './evidence.service';
import type { EvidenceItemObject } from './graphql/evidence.object';
import type { ByteRange } from './storage/blob-storage';
import { discardStagedFile, type StagedFile } from './upload-staging';

/** Room for the multipart envelope and the title around a file of the maximum size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Runs before multer reads the body: a refused upload (not signed in, not a member,
 * not a draft, declared too large, posted from another site) is answered without
 * receiving the file.
 */
@Injectable()
export class EvidenceUploadGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly evidence: EvidenceService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const http = execution.switchToHttp();
    const req = http.getRequest<Request>();
    if (!isSameOrigin(req, this.config.publicUrl)) throw forbidden('Uploads are only accepted from Assay itself.', 'CROSS_SITE_REQUEST');
    const ctx = restContext(req, http.getResponse<Response>(), this.accounts);
    await this.evidence.caseStudyForEditing(ctx, String(req.params.caseStudyId));
    if (Number(req.headers['content-length'] ?? 0) > MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES) throw fileTooLarge();
    // Per uploader, across API processes; GraphQL mutations have their own per-user limit.
    const user = await ctx.user();
    if (user) await this.rateLimits.consume(ctx, 'upload', user.id);
    return true;
  }
}

/**
 * Evidence files over plain HTTP (GraphQL is a poor fit for large bodies); links,
 * listing and removal are GraphQL operations in EvidenceResolver.
 */
@Controller('evidence')
@UseFilters(
  new RestExceptionFilter({
    400: { message: 'Send the file as multipart/form-data, in one field named “file” (and an optional “title”).', reason: 'MALFORMED_UPLOAD' },
    413: { message: `A file can be at most ${MAX_FILE_BYTES / (1024 * 1024)} MB. Attach a smaller file, or split it.`, reason: 'FILE_TOO_LARGE' },
  }),
)
export class EvidenceController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post('case-studies/:caseStudyId/files')
  @UseGuards(EvidenceUploadGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, fieldSize: 2000, parts: 6 }, defParamCharset: 'utf8' }))
  async upload(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('caseStudyId') caseStudyId: string,
    @UploadedFile() file: StagedFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<{ item: EvidenceItemObject }> {
    try {
      if (!file) throw badInput('Choose a file to upload.', [{ field: 'file', message: 'Choose a file to upload.' }], 'FILE_REQUIRED');
      const item = await this.evidence.attachFile(restContext(req, res, this.accounts), caseStudyId, file, body?.title);
      return { item: toEvidenceItemObject(item) };
    } finally {
      await discardStagedFile(file);
    }
  }

  /** Streams a file as an attachment, never rendered inline: the bytes are the uploader's, not ours. */
  @Get('files/:evidenceId')
  async download(@Req() req: Request, @Res() res: Response, @Param('evidenceId') evidenceId: string): Promise<void> {
    const { item, open } = await this.evidence.openFile(restContext(req, res, this.accounts), evidenceId);
    const range = parseRange(req.headers.range, item.sizeBytes);
    const stream = await open(range);
    const textual = item.mediaType.startsWith('text/') || item.mediaType === 'application/json';
    res.status(range ? 206 : 200);
    res.setHeader('Content-Type', textual ? `${item.mediaType}; charset=utf-8` : item.mediaType);
    res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : item.sizeBytes));
    if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${item.sizeBytes}`);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Disposition', contentDisposition(item.originalName ?? `evidence-${item.id}`));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox; frame-ancestors 'none'");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${item.sha256}"`);
    try {
      await pipeline(stream, res);
    } catch {
      // The client went away, or the storage failed mid-stream; the response is already cut.
      res.destroy();
    }
  }
}

/** A single `bytes=start-end` (or `start-`, or `-suffix`) range inside the file; anything else means the whole file. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (!match[1] && !match[2]) || size === 0) return undefined;
  let start: number;
  let end: number;
  if (!match[1]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  }
  return start <= end && start < size ? { start, end } : undefined;
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
