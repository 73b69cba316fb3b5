import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import {
  buildLedgerLeaf,
  bytesEqual,
  generateSalt,
  hashLeaf,
  type LedgerEntryKind,
  MerkleTree,
  type SignerKey,
  signCheckpoint,
  utf8Encode,
  verifyCheckpoint,
  verifyConsistency,
} from '@assay/ledger';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { badInput, notFound } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { entryPublicFields, FACT_BUILDERS } from './ledger-facts';
import { loadOrCreateSignerKey, signerKeyPath, verifierKeyString } from './ledger-signer';
import { type LedgerEntryRow, LedgerRepository, type TreeHeadRow } from './ledger.repository';

export const LEDGER_PUBLISH_JOB = 'ledger.publish-checkpoint';
/** Appends this close together share one tree head. */
const PUBLISH_DEBOUNCE_SECONDS = 2;

/** What a fact's transaction tells the ledger: which fact, by kind and subject row. */
export interface LedgerFactRef {
  kind: LedgerEntryKind;
  /** Id of the fact's row (verdict, reference response, follow-up check, dispute, case study). */
  subjectId: string;
}

/** Refused to sign: the stored log no longer matches what was signed before. Never signs over it. */
export class LedgerIntegrityError extends Error {
  override name = 'LedgerIntegrityError';
}

/** A verdict's place in the log, with what a browser needs to check it against a signed tree head. */
export interface VerificationReceipt {
  caseStudyId: string;
  verdictId: string;
  entry: LedgerEntryRow;
  /** The latest signed tree head; null before the first one is published. */
  checkpoint: TreeHeadRow | null;
  /** Inclusion proof of the entry in `checkpoint`; null while the entry is newer than it. */
  inclusionProof: Uint8Array[] | null;
}

const treeIndex = z
  .union([z.number(), z.string().regex(/^(0|[1-9][0-9]{0,15})$/, 'Must be a whole number.')], { error: 'Must be a whole number.' })
  .transform(Number)
  .pipe(z.number({ error: 'Must be a whole number.' }).int('Must be a whole number.').min(0, 'Must be 0 or more.').max(Number.MAX_SAFE_INTEGER));

/**
 * The verification ledger: appends an entry in the transaction of every logged
 * fact, publishes signed tree heads (a pg-boss job), and serves entries and
 * proofs up to the latest signed head.
 */
@Injectable()
export class LedgerService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Ledger');
  private signer?: SignerKey;
  /** Leaves already read, for proofs; safe to keep because the log only grows. */
  private readonly tree = new MerkleTree();
  private treeGrowth: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly repo: LedgerRepository,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    const { key, generated } = loadOrCreateSignerKey(this.config);
    if (generated) this.logger.warn(`Generated the ledger signer key in ${signerKeyPath(this.config)}; keep a copy: without it, new tree heads cannot continue this log's signatures.`);
    this.signer = key;
    this.jobs.define<object>({
      name: LEDGER_PUBLISH_JOB,
      // Appends request a head themselves; the cron is the backstop for a request that was coalesced away.
      cron: '* * * * *',
      policy: 'short',
      retryLimit: 3,
      handler: async () => {
        await this.publishCheckpoint();
      },
    });
  }

  /**
   * Says loudly when this process holds another key than the one that signed the
   * log so far (e.g. a second host that generated its own): it would serve the
   * wrong verifier key and could not continue the log's signatures.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const latest = await this.repo.latestHead(RequestContext.system());
      if (!latest) return;
      const signed = verifyCheckpoint(latest.checkpointNote, this.verifierKey, { expectedOrigin: this.origin });
      if (!signed.valid) {
        this.logger.error(`The latest signed tree head (size ${latest.treeSize}) does not verify with this process's ledger key ${this.verifierKey} (${signed.reason}). Set LEDGER_SIGNER_KEY (and LEDGER_ORIGIN) to the log's key on every host.`);
      }
    } catch (error) {
      this.logger.warn(`Could not compare the ledger key with the latest tree head: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The log's name in its checkpoints. */
  get origin(): string {
    return this.config.ledger.origin;
  }

  /** The public key that verifies this log's tree heads, as a verifier key string. */
  get verifierKey(): string {
    return verifierKeyString(this.signerKey());
  }

  /**
   * Logs a fact inside the transaction that writes it: either both commit or
   * neither does. Call it after the fact's rows are written, as the last step
   * of the transaction (it serialises appends until the commit).
   */
  async append(tx: RequestContext, fact: LedgerFactRef): Promise<{ leafIndex: number; leafHash: Uint8Array }> {
    if (!tx.manager?.queryRunner?.isTransactionActive) {
      throw new Error(`LedgerService.append(${fact.kind}) must run inside the transaction that writes the fact`);
    }
    const builder = FACT_BUILDERS[fact.kind];
    const loaded = (await builder.load(this.tx.manager(tx), [fact.subjectId])).get(fact.subjectId);
    if (!loaded) throw new Error(`cannot log ${fact.kind}: no ${builder.subjectTable} row ${fact.subjectId}`);
    await this.repo.lockAppends(tx);
    const leafIndex = await this.repo.size(tx);
    const salt = generateSalt();
    const leaf = buildLedgerLeaf({ kind: fact.kind, subjectId: fact.subjectId, publicFields: entryPublicFields(loaded, leafIndex), privateFields: loaded.privateFields, salt });
    await this.repo.insertEntry(tx, { leafIndex, kind: fact.kind, subjectTable: builder.subjectTable, subjectId: fact.subjectId, canonicalJson: leaf.canonicalJson, leafHash: leaf.leafHash, salt });
    await this.requestPublication(tx);
    return { leafIndex, leafHash: leaf.leafHash };
  }

  /**
   * Signs and stores a tree head over every entry, unless none was added since the
   * last one. Before signing it checks the stored log against the last signed head
   * (signature, root, consistency) and each new entry against its leaf hash, and
   * refuses to sign a history that differs from what it signed before.
   */
  async publishCheckpoint(ctx: RequestContext = RequestContext.system()): Promise<{ published: boolean; treeSize: number }> {
    // Waiting for the append lock means an append whose publication request was
    // coalesced into this job has committed before the size is read; the lock is
    // dropped at once, so appends never wait for the signing below.
    const size = await this.tx.run(ctx, async (tx) => {
      await this.repo.lockAppends(tx);
      return this.repo.size(tx);
    });
    return this.tx.run(ctx, async (tx) => {
      await this.repo.lockPublishing(tx);
      const previous = await this.repo.latestHead(tx);
      const fromSize = previous?.treeSize ?? 0;
      if (size === fromSize) return { published: false, treeSize: size };
      if (size < fromSize) {
        if ((await this.repo.size(tx)) >= fromSize) return { published: false, treeSize: fromSize }; // another worker signed more meanwhile
        throw this.integrityError(`the log has ${size} entries, but a tree head of size ${fromSize} was signed`);
      }
      if (previous) {
        const signed = verifyCheckpoint(previous.checkpointNote, this.verifierKey, { expectedOrigin: this.origin });
        if (!signed.valid) throw this.integrityError(`the last tree head (size ${fromSize}) does not verify with this log's key: ${signed.message}`);
        if (signed.checkpoint.treeSize !== fromSize || !bytesEqual(signed.checkpoint.rootHash, previous.rootHash)) {
          throw this.integrityError(`the stored size or root of the tree head of size ${fromSize} differs from its signed note`);
        }
      }
      const hashes = await this.repo.leafHashes(tx, 0, size);
      for (const entry of await this.repo.leaves(tx, fromSize, size)) {
        if (!bytesEqual(hashLeaf(utf8Encode(entry.canonicalJson)), entry.leafHash)) throw this.integrityError(`entry ${entry.leafIndex}'s leaf hash does not match its text`);
      }
      const tree = new MerkleTree(hashes);
      const rootHash = tree.rootHash();
      if (previous) {
        const consistent = verifyConsistency({ fromSize, toSize: size, fromRoot: previous.rootHash, toRoot: rootHash, proof: tree.consistencyProof(fromSize, size) });
        if (!consistent.valid) throw this.integrityError(`the log is not an extension of the tree head of size ${fromSize}: ${consistent.message}`);
      }
      const checkpointNote = signCheckpoint({ origin: this.origin, treeSize: size, rootHash }, this.signerKey());
      await this.repo.insertHead(tx, { treeSize: size, rootHash, checkpointNote });
      return { published: true, treeSize: size };
    });
  }

  /** The latest signed tree head, or null before the first. */
  latestCheckpoint(ctx: RequestContext): Promise<TreeHeadRow | null> {
    return this.repo.latestHead(ctx);
  }

  /** A stored signed tree head of exactly this size. */
  async checkpointOfSize(ctx: RequestContext, treeSize: unknown): Promise<TreeHeadRow> {
    const size = parseInput(treeIndex, treeSize);
    const head = await this.repo.head(ctx, size);
    if (!head) throw notFound(`A signed tree head of size ${size}`, 'TREE_HEAD_NOT_FOUND');
    return head;
  }

  /** The entry at a leaf index, exactly as logged. */
  async entry(ctx: RequestContext, leafIndex: unknown): Promise<LedgerEntryRow> {
    const index = parseInput(treeIndex, leafIndex);
    const entry = await this.repo.entry(ctx, index);
    if (!entry) throw notFound(`Ledger entry ${index}`, 'ENTRY_NOT_FOUND');
    return entry;
  }

  /** RFC 9162 inclusion proof of leaf `leafIndex` in the tree of `treeSize` (default: the latest signed size). */
  async inclusionProof(ctx: RequestContext, leafIndex: unknown, treeSize?: unknown): Promise<{ leafIndex: number; treeSize: number; proof: Uint8Array[] }> {
    const input = parseInput(z.object({ index: treeIndex, size: treeIndex.optional() }), { index: leafIndex, size: treeSize ?? undefined });
    const size = await this.signedSize(ctx, input.size, 'size');
    if (input.index >= size) throw badInput(`Leaf ${input.index} is not in a tree of ${size} entries.`, [{ field: 'index', message: `Must be below ${size}.` }], 'LEAF_NOT_IN_TREE');
    const tree = await this.treeCovering(ctx, size);
    return { leafIndex: input.index, treeSize: size, proof: tree.inclusionProof(input.index, size) };
  }

  /** RFC 9162 consistency proof that the tree of `toSize` extends the tree of `fromSize`. */
  async consistencyProof(ctx: RequestContext, fromSize: unknown, toSize: unknown): Promise<{ fromSize: number; toSize: number; proof: Uint8Array[] }> {
    const input = parseInput(z.object({ from: treeIndex, to: treeIndex }), { from: fromSize, to: toSize });
    const to = await this.signedSize(ctx, input.to, 'to');
    if (input.from < 1 || input.from > to) throw badInput(`The older tree size must be between 1 and ${to}.`, [{ field: 'from', message: `Must be between 1 and ${to}.` }], 'BAD_TREE_SIZES');
    const tree = await this.treeCovering(ctx, to);
    return { fromSize: input.from, toSize: to, proof: tree.consistencyProof(input.from, to) };
  }

  /** The receipt of the verdict in force for a case study; null when it has none (yet). */
  async receipt(ctx: RequestContext, caseStudyId: string): Promise<VerificationReceipt | null> {
    if (!z.uuid().safeParse(caseStudyId).success) return null;
    const verdict = await this.repo.verdictInForce(ctx, caseStudyId);
    if (!verdict) return null;
    const entry = await this.repo.entryFor(ctx, 'verdict', verdict.id);
    if (!entry) return null;
    const checkpoint = await this.repo.latestHead(ctx);
    const covered = checkpoint !== null && entry.leafIndex < checkpoint.treeSize;
    const inclusionProof = covered ? (await this.treeCovering(ctx, checkpoint.treeSize)).inclusionProof(entry.leafIndex, checkpoint.treeSize) : null;
    return { caseStudyId, verdictId: verdict.id, entry, checkpoint, inclusionProof };
  }

  private signerKey(): SignerKey {
    if (!this.signer) throw new Error('the ledger signer key is not loaded yet');
    return this.signer;
  }

  /** A tree size that a signed head covers (default: the latest head's). */
  private async signedSize(ctx: RequestContext, requested: number | undefined, field: string): Promise<number> {
    const latest = await this.repo.latestHead(ctx);
    if (!latest) throw notFound('A signed tree head', 'NO_TREE_HEAD');
    const size = requested ?? latest.treeSize;
    if (size > latest.treeSize) {
      throw badInput(`Proofs are served up to the latest signed tree head, of size ${latest.treeSize}.`, [{ field, message: `Must be at most ${latest.treeSize}.` }], 'TREE_SIZE_NOT_SIGNED');
    }
    if (size < 1) throw badInput('A tree size must be at least 1.', [{ field, message: 'Must be at least 1.' }], 'BAD_TREE_SIZES');
    return size;
  }

  /** The cached tree, grown (one reader at a time) to at least `size` leaves. */
  private async treeCovering(ctx: RequestContext, size: number): Promise<MerkleTree> {
    const growth = this.treeGrowth.then(async () => {
      if (this.tree.size >= size) return;
      for (const hash of await this.repo.leafHashes(ctx, this.tree.size, size)) this.tree.append(hash);
    });
    this.treeGrowth = growth.catch(() => undefined);
    await growth;
    return this.tree;
  }

  /**
   * Asks a worker to publish a head: soon after a quiet spell (bursts coalesce in
   * the one waiting job), else when the interval since the last head is over.
   */
  private async requestPublication(tx: RequestContext): Promise<void> {
    const last = await this.repo.latestHead(tx);
    const sinceLast = last ? (Date.now() - last.createdAt.getTime()) / 1000 : Infinity;
    const startAfterSeconds = Math.ceil(Math.max(PUBLISH_DEBOUNCE_SECONDS, this.config.ledger.checkpointIntervalSeconds - sinceLast));
    await this.jobs.send(tx, LEDGER_PUBLISH_JOB, {}, { singletonKey: 'publish', startAfterSeconds });
  }

  private integrityError(message: string): LedgerIntegrityError {
    this.logger.error(`Refusing to sign a tree head: ${message}. Run \`npm run ledger:verify\`.`);
    return new LedgerIntegrityError(message);
  }
}
