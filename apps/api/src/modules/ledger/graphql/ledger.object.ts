import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LedgerCheckpoint', { description: 'A signed tree head of the verification ledger (a C2SP tlog-checkpoint).' })
export class LedgerCheckpointObject {
  @Field({ description: 'The log name on the first line of the note.' }) origin!: string;
  @Field(() => Int) treeSize!: number;
  @Field({ description: 'Root hash of the tree of `treeSize` entries, base64 (as in the note).' }) rootHash!: string;
  @Field({ description: 'The signed note exactly as served by GET /ledger/checkpoint; verify it with `verifierKey`.' }) note!: string;
  @Field({ description: "The log's public verifier key, `<name>+<key hash>+<base64 key>`." }) verifierKey!: string;
  @Field() publishedAt!: Date;
}

@ObjectType('LedgerEntry', { description: 'One entry of the verification ledger, exactly as logged.' })
export class LedgerEntryObject {
  @Field(() => Int, { description: 'Leaf index: 0, 1, 2, … in the order entries were committed.' }) index!: number;
  @Field({ description: 'verdict, reference_answer, follow_up_answer, dispute, dispute_resolution or withdrawal' }) kind!: string;
  @Field(() => ID, { description: 'Id of the record the fact is about.' }) subjectId!: string;
  @Field({ description: 'The entry text (RFC 8785 canonical JSON), byte for byte; its leaf hash is SHA-256(0x00 ‖ UTF-8 text).' }) canonicalJson!: string;
  @Field({ description: 'RFC 9162 leaf hash, hex.' }) leafHash!: string;
  @Field() loggedAt!: Date;
}

@ObjectType('LedgerInclusionProof', { description: 'RFC 9162 §2.1.3 inclusion proof: the entry is leaf `leafIndex` of the tree of `treeSize` entries.' })
export class LedgerInclusionProofObject {
  @Field(() => Int) leafIndex!: number;
  @Field(() => Int) treeSize!: number;
  @Field(() => [String], { description: 'Sibling hashes from the leaf up, base64.' }) proof!: string[];
}

@ObjectType('LedgerConsistencyProof', { description: 'RFC 9162 §2.1.4 consistency proof: the tree of `toSize` is the tree of `fromSize` with entries appended.' })
export class LedgerConsistencyProofObject {
  @Field(() => Int) fromSize!: number;
  @Field(() => Int) toSize!: number;
  @Field(() => [String], { description: 'Hashes, base64.' }) proof!: string[];
}

@ObjectType('VerificationReceipt', { description: "Where a case study's verdict in force sits in the verification ledger, with what is needed to check it." })
export class VerificationReceiptObject {
  @Field(() => ID) caseStudyId!: string;
  @Field(() => ID) verdictId!: string;
  @Field(() => LedgerEntryObject) entry!: LedgerEntryObject;
  @Field(() => LedgerCheckpointObject, { nullable: true, description: 'The latest signed tree head; null before the first is published.' }) checkpoint!: LedgerCheckpointObject | null;
  @Field(() => [String], { nullable: true, description: 'Inclusion proof of the entry in `checkpoint` (base64); null while the entry is newer than the latest signed tree head.' })
  inclusionProof!: string[] | null;
  @Field({ description: "The log's public verifier key." }) verifierKey!: string;
  @Field({ description: 'The log name every checkpoint must carry.' }) origin!: string;
}
