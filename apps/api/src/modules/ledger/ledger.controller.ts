import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '../../common/request-context';
import { RestExceptionFilter } from '../../common/rest-errors';
import { notFound } from '../../common/errors';
import { ledgerMapper } from './ledger.mapper';
import { LedgerService } from './ledger.service';

/** What a signed size makes immutable (entries, proofs between fixed sizes) may be cached for a day. */
const IMMUTABLE = 'public, max-age=86400';
/** The latest head moves; clients revalidate. */
const LATEST = 'no-cache';

/**
 * The ledger at stable URLs, for auditors without a GraphQL client: plain text
 * for the checkpoint and the verifier key, JSON for proofs, and each entry's
 * exact logged bytes. Public and readable from any origin (no cookies needed).
 */
@Controller('ledger')
@UseFilters(new RestExceptionFilter())
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  /** The latest signed tree head (or, with `?size=`, an earlier stored one), as the signed note. */
  @Get('checkpoint')
  async checkpoint(@Res() res: Response, @Query('size') size?: unknown): Promise<void> {
    const ctx = RequestContext.system();
    const head = size === undefined ? await this.ledger.latestCheckpoint(ctx) : await this.ledger.checkpointOfSize(ctx, size);
    if (!head) throw notFound('A signed tree head', 'NO_TREE_HEAD');
    this.send(res, size === undefined ? LATEST : IMMUTABLE, 'text/plain; charset=utf-8', head.checkpointNote);
  }

  /** The public key that verifies every checkpoint of this log. */
  @Get('verifier-key')
  verifierKey(@Res() res: Response): void {
    this.send(res, LATEST, 'text/plain; charset=utf-8', this.ledger.verifierKey);
  }

  @Get('inclusion')
  async inclusion(@Res() res: Response, @Query('index') index: unknown, @Query('size') size?: unknown): Promise<void> {
    const result = await this.ledger.inclusionProof(RequestContext.system(), index, size);
    const body = { leafIndex: result.leafIndex, treeSize: result.treeSize, proof: ledgerMapper.proof(result.proof) };
    this.send(res, size === undefined ? LATEST : IMMUTABLE, 'application/json; charset=utf-8', JSON.stringify(body));
  }

  @Get('consistency')
  async consistency(@Res() res: Response, @Query('from') from: unknown, @Query('to') to: unknown): Promise<void> {
    const result = await this.ledger.consistencyProof(RequestContext.system(), from, to);
    const body = { fromSize: result.fromSize, toSize: result.toSize, proof: ledgerMapper.proof(result.proof) };
    this.send(res, IMMUTABLE, 'application/json; charset=utf-8', JSON.stringify(body));
  }

  /** The entry's canonical JSON, byte for byte as logged: hash these bytes to get its leaf hash. */
  @Get('entries/:index')
  async entry(@Res() res: Response, @Param('index') index: string): Promise<void> {
    const entry = await this.ledger.entry(RequestContext.system(), index);
    this.send(res, IMMUTABLE, 'application/json; charset=utf-8', entry.canonicalJson);
  }

  private send(res: Response, cacheControl: string, type: string, body: string): void {
    res.status(200).setHeader('Cache-Control', cacheControl).setHeader('Access-Control-Allow-Origin', '*').setHeader('Content-Type', type).end(Buffer.from(body, 'utf8'));
  }
}
