import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { LedgerCheckpointObject, LedgerConsistencyProofObject, LedgerEntryObject, LedgerInclusionProofObject, VerificationReceiptObject } from './graphql/ledger.object';
import { ledgerMapper } from './ledger.mapper';
import { LedgerService } from './ledger.service';

/** The verification ledger, read-only and public: the same data as the REST endpoints under /ledger. */
@Resolver()
export class LedgerResolver {
  constructor(private readonly ledger: LedgerService) {}

  @Query(() => LedgerCheckpointObject, { nullable: true, description: 'The latest signed tree head of the verification ledger (null before the first).' })
  async ledgerCheckpoint(@Ctx() ctx: RequestContext): Promise<LedgerCheckpointObject | null> {
    const head = await this.ledger.latestCheckpoint(ctx);
    return head ? ledgerMapper.checkpoint(head, this.ledger) : null;
  }

  @Query(() => LedgerEntryObject, { description: 'One ledger entry, exactly as logged.' })
  async ledgerEntry(@Ctx() ctx: RequestContext, @Args('index', { type: () => Int }) index: number): Promise<LedgerEntryObject> {
    return ledgerMapper.entry(await this.ledger.entry(ctx, index));
  }

  @Query(() => LedgerInclusionProofObject, { description: 'Inclusion proof of entry `index` in the tree of `treeSize` entries (at most the latest signed size).' })
  async ledgerInclusionProof(@Ctx() ctx: RequestContext, @Args('index', { type: () => Int }) index: number, @Args('treeSize', { type: () => Int }) treeSize: number): Promise<LedgerInclusionProofObject> {
    const result = await this.ledger.inclusionProof(ctx, index, treeSize);
    return { leafIndex: result.leafIndex, treeSize: result.treeSize, proof: ledgerMapper.proof(result.proof) };
  }

  @Query(() => LedgerConsistencyProofObject, { description: 'Consistency proof between two signed tree sizes: the larger log only appended to the smaller.' })
  async ledgerConsistencyProof(@Ctx() ctx: RequestContext, @Args('from', { type: () => Int }) from: number, @Args('to', { type: () => Int }) to: number): Promise<LedgerConsistencyProofObject> {
    const result = await this.ledger.consistencyProof(ctx, from, to);
    return { fromSize: result.fromSize, toSize: result.toSize, proof: ledgerMapper.proof(result.proof) };
  }

  @Query(() => VerificationReceiptObject, { nullable: true, description: "The ledger receipt of a case study's verdict in force (null while it has none)." })
  async caseStudyReceipt(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<VerificationReceiptObject | null> {
    const receipt = await this.ledger.receipt(ctx, caseStudyId);
    return receipt ? ledgerMapper.receipt(receipt, this.ledger) : null;
  }
}
