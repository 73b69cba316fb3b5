import request from 'supertest';
import {
  commitPrivate,
  encodeSignerKey,
  fromBase64,
  generateSignerKey,
  hashLeaf,
  parseCheckpoint,
  privateFieldSalt,
  toHex,
  utf8Encode,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@assay/ledger';
import { verifyEntryInclusion } from '@assay/ledger/browser';
import { LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import { FollowUpsService } from '../../apps/api/src/modules/follow-ups/follow-ups.service';
import { accreditedReviewer, answerInput, ANSWER, mailedToken, VERDICT, verdictInput, verifiedCaseStudy } from '../support/ledger-flow';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const ORIGIN = 'assay.test/ledger';

interface EntryRow {
  leaf_index: string;
  kind: string;
  subject_id: string;
  canonical_json: string;
  salt: string;
}

interface LoggedEntry {
  kind: string;
  subjectId: string;
  public: Record<string, unknown>;
  commitments: Record<string, string>;
}

describe('Verification ledger (API e2e)', () => {
  let t: TestApp;
  let admin: GraphQLClient;
  let reviewer: GraphQLClient;
  let ledger: LedgerService;

  beforeAll(async () => {
    t = await createTestApp({ ASSAY_PUBLIC_URL: 'http://assay.test', LEDGER_SIGNER_KEY: encodeSignerKey(generateSignerKey(ORIGIN)) });
    admin = await t.signedInClient({ email: 'admin@ledger.test', platformRoles: ['admin'] });
    reviewer = await accreditedReviewer(t, admin, 'rui@ledger-review.example');
    ledger = t.app.get(LedgerService);
  }, 60_000);
  afterAll(() => t.close());

  async function entries(): Promise<EntryRow[]> {
    return t.dataSource.query(`SELECT leaf_index, kind, subject_id, canonical_json, salt FROM ledger_entries ORDER BY leaf_index`);
  }

  const http = () => request(t.app.getHttpServer());

  it('logs every fact of the real flows in its own transaction, gap-free, without revealing what is private', async () => {
    const before = (await entries()).length;
    const cs = await verifiedCaseStudy(t, reviewer, 'kestrel');
    const afterVerdict = await entries();
    expect(afterVerdict.slice(before).map((e) => e.kind)).toEqual(['reference_answer', 'verdict']);
    const verdictRow = afterVerdict[afterVerdict.length - 1];
    expect(verdictRow.subject_id).toBe(cs.verdictId);

    const verdictEntry = JSON.parse(verdictRow.canonical_json) as LoggedEntry;
    expect(verdictEntry).toMatchObject({ v: 1, kind: 'verdict', subjectId: cs.verdictId, public: { caseStudyId: cs.caseStudyId, status: 'verified', productionStatus: 'in_production', logIndex: Number(verdictRow.leaf_index) } });
    const [stored] = (await t.dataSource.query(`SELECT verified_share FROM verdict_outcomes WHERE verdict_id = $1`, [cs.verdictId])) as Array<{ verified_share: number }>;
    expect(verdictEntry.public.outcomes).toEqual([{ outcomeClaimId: cs.outcomeIds[0], result: 'verified', verifiedValue: 21.5, verifiedShare: stored.verified_share }]);
    expect(Object.keys(verdictEntry.commitments).sort()).toEqual(['conflictDeclaration', 'notes', 'reviewerId', 'rubricNotes', 'taskId']);

    // Nothing confidential in clear: the reference's identity and answers, the reviewer's notes, the salts.
    const referenceRow = afterVerdict[afterVerdict.length - 2];
    const logText = afterVerdict.map((e) => e.canonical_json).join('\n');
    for (const secret of [cs.referenceEmail, 'Jane Client', 'Confidential', 'evaluation notebook', 'No drift alerts', referenceRow.salt, verdictRow.salt]) {
      expect(logText).not.toContain(secret);
    }
    const referenceEntry = JSON.parse(referenceRow.canonical_json) as LoggedEntry;
    expect(referenceEntry.public).toMatchObject({ caseStudyId: cs.caseStudyId, declined: false });
    expect(referenceEntry.public).not.toHaveProperty('wouldHireAgain');
    // …yet bound: opening one field (value + its field salt) proves what was logged.
    expect(commitPrivate(cs.referenceEmail, privateFieldSalt(referenceRow.salt, 'contactEmail'))).toBe(referenceEntry.commitments.contactEmail);
    expect(commitPrivate(true, privateFieldSalt(referenceRow.salt, 'wouldHireAgain'))).toBe(referenceEntry.commitments.wouldHireAgain);
    expect(commitPrivate(false, privateFieldSalt(referenceRow.salt, 'wouldHireAgain'))).not.toBe(referenceEntry.commitments.wouldHireAgain);

    // Dispute, then an amendment: the amending verdict and the resolution are logged too.
    const dispute = await cs.vendor.query<{ disputeVerdict: { id: string } }>(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`, {
      input: { verdictId: cs.verdictId, reason: 'The reviewer compared against the wrong baseline period.' },
    });
    expect(dispute.errors).toBeUndefined();
    const disputeId = dispute.data!.disputeVerdict.id;
    const amendment = { outcomes: cs.outcomeIds.map((id) => ({ outcomeClaimId: id, result: 'partially_verified', verifiedValue: 26 })), productionStatus: 'in_production', handover: 'joint', rubric: verdictInput('', []).rubric, notes: '' };
    const resolved = await admin.query(`mutation($input: ResolveDisputeInput!) { resolveDispute(input: $input) { status amendedVerdictId } }`, {
      input: { disputeId, resolution: 'amended', note: 'The contract names another baseline.', amendment },
    });
    expect(resolved.errors).toBeUndefined();
    const amendedVerdictId = (resolved.data as { resolveDispute: { amendedVerdictId: string } }).resolveDispute.amendedVerdictId;

    // A +6-month follow-up, answered through its mailed link.
    await t.app.get(FollowUpsService).sendDue(new Date(Date.now() + 200 * 86_400_000));
    const followUpToken = await mailedToken(t, cs.referenceEmail, '/f/');
    expect((await t.client().query(`mutation($token: String!) { answerFollowUp(token: $token, stillInProduction: true) }`, { token: followUpToken })).errors).toBeUndefined();

    // And the vendor withdraws the case study.
    expect((await cs.vendor.query(`mutation($id: ID!) { withdrawCaseStudy(id: $id) { status } }`, { id: cs.caseStudyId })).errors).toBeUndefined();

    const all = await entries();
    expect(all.slice(before).map((e) => [e.kind, e.subject_id])).toEqual([
      ['reference_answer', expect.any(String)],
      ['verdict', cs.verdictId],
      ['dispute', disputeId],
      ['verdict', amendedVerdictId],
      ['dispute_resolution', disputeId],
      ['follow_up_answer', expect.any(String)],
      ['withdrawal', cs.caseStudyId],
    ]);
    expect(all.map((e) => Number(e.leaf_index))).toEqual(all.map((_, i) => i));
    const byKind = (kind: string, subjectId: string) => JSON.parse(all.find((e) => e.kind === kind && e.subject_id === subjectId)!.canonical_json) as LoggedEntry;
    expect(byKind('verdict', amendedVerdictId).public).toMatchObject({ verdictKind: 'amendment', status: 'partially_verified', supersedesId: cs.verdictId, handover: 'joint' });
    expect(byKind('dispute_resolution', disputeId).public).toMatchObject({ resolution: 'amended', amendedVerdictId, verdictId: cs.verdictId });
    expect(byKind('dispute', disputeId).public).not.toHaveProperty('reason');
    expect(byKind('withdrawal', cs.caseStudyId).public).toMatchObject({ status: 'withdrawn', wasSubmitted: true });
  }, 90_000);

  it('writes no entry when the fact is refused', async () => {
    const cs = await verifiedCaseStudy(t, reviewer, 'refused');
    const size = await countRows(t.dataSource, 'ledger_entries');
    const token = await mailedToken(t, cs.referenceEmail, '/r/');
    const again = await t.client().query(ANSWER, { token, input: answerInput(cs.outcomeIds) });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_USED' });
    const taskId = ((await t.dataSource.query(`SELECT task_id FROM verdicts WHERE id = $1`, [cs.verdictId])) as Array<{ task_id: string }>)[0].task_id;
    const second = await reviewer.query(VERDICT, { input: verdictInput(taskId, cs.outcomeIds) });
    expect(second.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooShort = await cs.vendor.query(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`, { input: { verdictId: cs.verdictId, reason: 'Too short.' } });
    expect(tooShort.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countRows(t.dataSource, 'ledger_entries')).toBe(size);
  }, 60_000);

  it('signs a tree head only when the log grew, consistent with the one before', async () => {
    await verifiedCaseStudy(t, reviewer, 'heads-one');
    const first = await ledger.publishCheckpoint();
    expect(first.published).toBe(true);
    expect(await ledger.publishCheckpoint()).toEqual({ published: false, treeSize: first.treeSize });

    await verifiedCaseStudy(t, reviewer, 'heads-two');
    const second = await ledger.publishCheckpoint();
    expect(second).toEqual({ published: true, treeSize: first.treeSize + 2 });

    const heads: Array<{ tree_size: string; checkpoint_note: string }> = await t.dataSource.query(`SELECT tree_size, checkpoint_note FROM ledger_tree_heads ORDER BY tree_size`);
    const [older, newer] = heads.slice(-2).map((h) => verifyCheckpoint(h.checkpoint_note, ledger.verifierKey, { expectedOrigin: ORIGIN }));
    if (!older.valid || !newer.valid) throw new Error('a stored tree head does not verify');
    const { proof: hashes } = (await http().get(`/ledger/consistency?from=${older.checkpoint.treeSize}&to=${newer.checkpoint.treeSize}`).expect(200)).body as { proof: string[] };
    expect(verifyConsistency({ fromSize: older.checkpoint.treeSize, toSize: newer.checkpoint.treeSize, fromRoot: older.checkpoint.rootHash, toRoot: newer.checkpoint.rootHash, proof: hashes.map(fromBase64) })).toEqual({ valid: true });
  }, 90_000);

  it('serves the checkpoint, the verifier key, entries and proofs at stable URLs that verify with @assay/ledger', async () => {
    await verifiedCaseStudy(t, reviewer, 'rest');
    await ledger.publishCheckpoint();

    const vkey = (await http().get('/ledger/verifier-key').expect(200).expect('content-type', /text\/plain/)).text;
    const checkpointRes = await http().get('/ledger/checkpoint').expect(200).expect('content-type', /text\/plain/).expect('access-control-allow-origin', '*');
    const signed = verifyCheckpoint(checkpointRes.text, vkey, { expectedOrigin: ORIGIN });
    if (!signed.valid) throw new Error(`checkpoint does not verify: ${signed.message}`);
    const { treeSize, rootHash } = signed.checkpoint;
    expect(treeSize).toBe(await countRows(t.dataSource, 'ledger_entries'));

    for (let index = 0; index < treeSize; index++) {
      const entry = await http().get(`/ledger/entries/${index}`).expect(200).expect('content-type', /application\/json/).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      const bytes = new Uint8Array(entry.body as Buffer);
      const inclusion = (await http().get(`/ledger/inclusion?index=${index}&size=${treeSize}`).expect(200)).body as { leafIndex: number; treeSize: number; proof: string[] };
      expect(inclusion).toMatchObject({ leafIndex: index, treeSize });
      expect(verifyInclusion({ leafHash: hashLeaf(bytes), leafIndex: index, treeSize, proof: inclusion.proof.map(fromBase64), rootHash })).toEqual({ valid: true });
    }
    // Size defaults to the latest signed one; an older stored head is served by size.
    expect(((await http().get('/ledger/inclusion?index=0').expect(200)).body as { treeSize: number }).treeSize).toBe(treeSize);
    expect(parseCheckpoint((await http().get(`/ledger/checkpoint?size=${treeSize}`).expect(200)).text).checkpoint.treeSize).toBe(treeSize);

    // Refusals are JSON errors with a reason, never a proof for an unsigned size.
    const beyond = await http().get(`/ledger/inclusion?index=0&size=${treeSize + 1}`).expect(400);
    expect(beyond.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TREE_SIZE_NOT_SIGNED' });
    expect((await http().get(`/ledger/inclusion?index=${treeSize}&size=${treeSize}`).expect(400)).body.error.reason).toBe('LEAF_NOT_IN_TREE');
    expect((await http().get('/ledger/inclusion?index=1e2').expect(400)).body.error.code).toBe('BAD_USER_INPUT');
    expect((await http().get(`/ledger/consistency?from=0&to=${treeSize}`).expect(400)).body.error.reason).toBe('BAD_TREE_SIZES');
    expect((await http().get('/ledger/entries/999999').expect(404)).body.error.reason).toBe('ENTRY_NOT_FOUND');
    expect((await http().get('/ledger/checkpoint?size=999999').expect(404)).body.error.reason).toBe('TREE_HEAD_NOT_FOUND');
  }, 90_000);

  it('answers the same over GraphQL, and a receipt checks in the browser build (WebCrypto)', async () => {
    const cs = await verifiedCaseStudy(t, reviewer, 'receipt');
    const anonymous = t.client();
    const RECEIPT = `query($id: ID!) { caseStudyReceipt(caseStudyId: $id) { caseStudyId verdictId verifierKey origin inclusionProof
      entry { index kind subjectId canonicalJson leafHash } checkpoint { treeSize rootHash note verifierKey origin } } }`;
    type Receipt = { caseStudyId: string; verdictId: string; verifierKey: string; origin: string; inclusionProof: string[] | null; entry: { index: number; kind: string; subjectId: string; canonicalJson: string; leafHash: string }; checkpoint: { treeSize: number; note: string } | null };

    // Before the next signed tree head, the receipt says so (no proof yet).
    const pending = (await anonymous.query<{ caseStudyReceipt: Receipt }>(RECEIPT, { id: cs.caseStudyId })).data!.caseStudyReceipt;
    expect(pending).toMatchObject({ caseStudyId: cs.caseStudyId, verdictId: cs.verdictId, inclusionProof: null, origin: ORIGIN, entry: { kind: 'verdict', subjectId: cs.verdictId } });
    expect(pending.entry.leafHash).toBe(toHex(hashLeaf(utf8Encode(pending.entry.canonicalJson))));

    await ledger.publishCheckpoint();
    const receipt = (await anonymous.query<{ caseStudyReceipt: Receipt }>(RECEIPT, { id: cs.caseStudyId })).data!.caseStudyReceipt;
    expect(receipt.checkpoint!.treeSize).toBeGreaterThan(receipt.entry.index);
    const checked = await verifyEntryInclusion({
      checkpointNote: receipt.checkpoint!.note,
      verifierKey: receipt.verifierKey,
      entry: receipt.entry.canonicalJson,
      leafIndex: receipt.entry.index,
      proof: receipt.inclusionProof!.map(fromBase64),
      expectedOrigin: ORIGIN,
    });
    expect(checked.valid).toBe(true);
    const wrongEntry = await verifyEntryInclusion({ checkpointNote: receipt.checkpoint!.note, verifierKey: receipt.verifierKey, entry: receipt.entry.canonicalJson.replace('"verified"', '"unverified"'), leafIndex: receipt.entry.index, proof: receipt.inclusionProof!.map(fromBase64) });
    expect(wrongEntry).toMatchObject({ valid: false, stage: 'inclusion' });

    const size = receipt.checkpoint!.treeSize;
    const gql = await anonymous.query<{ ledgerCheckpoint: { treeSize: number; note: string }; ledgerEntry: { canonicalJson: string }; ledgerInclusionProof: { proof: string[] }; ledgerConsistencyProof: { fromSize: number; proof: string[] } }>(
      `query($i: Int!, $n: Int!) { ledgerCheckpoint { treeSize note } ledgerEntry(index: $i) { canonicalJson } ledgerInclusionProof(index: $i, treeSize: $n) { proof } ledgerConsistencyProof(from: 1, to: $n) { fromSize proof } }`,
      { i: receipt.entry.index, n: size },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data!.ledgerCheckpoint).toMatchObject({ treeSize: size, note: receipt.checkpoint!.note });
    expect(gql.data!.ledgerEntry.canonicalJson).toBe(receipt.entry.canonicalJson);
    expect(gql.data!.ledgerInclusionProof.proof).toEqual(receipt.inclusionProof);

    const bad = await anonymous.query(`{ ledgerInclusionProof(index: 0, treeSize: 100000) { proof } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TREE_SIZE_NOT_SIGNED' });
    const none = await anonymous.query<{ caseStudyReceipt: null }>(`{ caseStudyReceipt(caseStudyId: "00000000-0000-4000-8000-000000000000") { verdictId } }`);
    expect(none.data!.caseStudyReceipt).toBeNull();
  }, 90_000);
});
