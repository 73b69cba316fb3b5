import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { canonicalJson, encodeSignerKey, generateSignerKey, hashLeaf, type JsonObject, type SignerKey, signCheckpoint, utf8Encode } from '@assay/ledger';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { type AuditReport, auditDatabase, auditLedger, formatAuditSummary } from '../../apps/api/src/modules/ledger/ledger-audit';
import { LedgerIntegrityError, LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import { accreditedReviewer, type VerifiedCaseStudy, verifiedCaseStudy } from '../support/ledger-flow';
import { createTestApp, TestApp } from '../support/test-app';

const ORIGIN = 'assay.test/ledger';
const root = path.resolve(__dirname, '../..');

describe('Ledger audit (npm run ledger:verify)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let signer: SignerKey;
  let one: VerifiedCaseStudy;
  let two: VerifiedCaseStudy;
  let three: VerifiedCaseStudy;
  let disputeId: string;

  beforeAll(async () => {
    signer = generateSignerKey(ORIGIN);
    t = await createTestApp({ ASSAY_PUBLIC_URL: 'http://assay.test', LEDGER_SIGNER_KEY: encodeSignerKey(signer) });
    ledger = t.app.get(LedgerService);
    const admin = await t.signedInClient({ email: 'admin@audit.test', platformRoles: ['admin'] });
    const reviewer = await accreditedReviewer(t, admin, 'ana@audit-review.example');
    one = await verifiedCaseStudy(t, reviewer, 'audit-one'); // entries 0 (reference answer), 1 (verdict)
    two = await verifiedCaseStudy(t, reviewer, 'audit-two'); // 2, 3
    await ledger.publishCheckpoint(); // signed head of size 4
    three = await verifiedCaseStudy(t, reviewer, 'audit-three'); // 4, 5
    const dispute = await three.vendor.query<{ disputeVerdict: { id: string } }>(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`, {
      input: { verdictId: three.verdictId, reason: 'The reviewer compared against the wrong baseline period.' },
    }); // 6
    disputeId = dispute.data!.disputeVerdict.id;
    await ledger.publishCheckpoint(); // signed head of size 7
  }, 90_000);
  afterAll(() => t.close());

  const options = () => ({ verifierKeys: [ledger.verifierKey], expectedOrigin: ORIGIN });

  /** Runs SQL that tampers with the database, audits inside the same transaction, and rolls everything back. */
  async function auditAfter(...statements: Array<[string, unknown[]?]>): Promise<AuditReport> {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      for (const [sql, params] of statements) await runner.query(sql, params);
      return await auditLedger(runner.manager, options());
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async function indexOf(kind: string, subjectId: string): Promise<number> {
    const rows: Array<{ leaf_index: string }> = await t.dataSource.query(`SELECT leaf_index FROM ledger_entries WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]);
    return Number(rows[0].leaf_index);
  }

  // The append-only trigger is what an attacker with owner rights would switch off first.
  const unlockEntries: [string] = ['ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only'];
  const unlockHeads: [string] = ['ALTER TABLE ledger_tree_heads DISABLE TRIGGER ledger_tree_heads_append_only'];

  it('says ok, with the size and root, for an untouched log', async () => {
    const report = await auditDatabase(t.dataSource, options());
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, treeSize: 7, latestSignedSize: 7, headsChecked: 2 });
    const head = (await ledger.latestCheckpoint(RequestContext.system()))!;
    expect(Buffer.from(report.rootHash).equals(Buffer.from(head.rootHash))).toBe(true);
    expect(formatAuditSummary(report)).toBe(`ok: 7 entries, root ${Buffer.from(head.rootHash).toString('base64')}; 2 tree heads checked, latest signed tree head of size 7`);
  });

  it('names the entry whose verdict row was changed with SQL, and the field', async () => {
    const index = await indexOf('verdict', two.verdictId);
    const report = await auditAfter([`UPDATE verdicts SET status = 'unverified' WHERE id = $1`, [two.verdictId]]);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ entryIndex: index, code: 'FACT_CHANGED' });
    expect(formatAuditSummary(report)).toBe(
      `FAILED: entry ${index} (verdict ${two.verdictId}): public field status was logged as "verified", but the verdicts row now gives "unverified", so the fact was edited after it was logged`,
    );

    const outcome = await auditAfter([`UPDATE verdict_outcomes SET verified_value = 30 WHERE verdict_id = $1`, [two.verdictId]]);
    expect(outcome.problems[0]).toMatchObject({ entryIndex: index, code: 'FACT_CHANGED', message: expect.stringContaining('public field outcomes[0].verifiedValue was logged as 21.5, but the verdicts row now gives 30') });
    const privateNote = await auditAfter([`UPDATE verdicts SET notes = 'Nothing to see here.' WHERE id = $1`, [two.verdictId]]);
    expect(privateNote.problems[0]).toMatchObject({ entryIndex: index, message: expect.stringContaining('the private field notes of the verdicts row no longer matches its logged commitment') });
    const answer = await auditAfter([`UPDATE reference_responses SET would_hire_again = false WHERE reference_request_id IN (SELECT id FROM reference_requests WHERE case_study_id = $1)`, [one.caseStudyId]]);
    expect(answer.problems[0]).toMatchObject({ entryIndex: 0, code: 'FACT_CHANGED', message: expect.stringContaining('private field wouldHireAgain') });

    // Columns that legitimately change later are not committed: superseding a verdict is no tampering.
    expect((await auditAfter([`UPDATE verdicts SET superseded_by_id = $1 WHERE id = $2`, [one.verdictId, two.verdictId]])).ok).toBe(true);
  });

  it('names the entry whose fact row was deleted, and an entry deleted from the log', async () => {
    const index = await indexOf('verdict', one.verdictId);
    const report = await auditAfter([`DELETE FROM verdicts WHERE id = $1`, [one.verdictId]]);
    expect(report.problems[0]).toMatchObject({ entryIndex: index, code: 'FACT_DELETED' });
    expect(formatAuditSummary(report)).toMatch(new RegExp(`^FAILED: entry ${index} \\(verdict ${one.verdictId}\\): the verdicts row it records no longer exists`));

    const gap = await auditAfter(unlockEntries, [`DELETE FROM ledger_entries WHERE leaf_index = 2`]);
    expect(gap.problems[0]).toMatchObject({ entryIndex: 2, code: 'ENTRY_MISSING' });
    expect(gap.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['FACT_NOT_LOGGED', 'HEAD_MISMATCH']));
  });

  it('names entries that were reordered, even when the forger rewrites them to fit', async () => {
    const swap: Array<[string, unknown[]?]> = [
      unlockEntries,
      [`UPDATE ledger_entries SET leaf_index = 1000 WHERE leaf_index = 2`],
      [`UPDATE ledger_entries SET leaf_index = 2 WHERE leaf_index = 3`],
      [`UPDATE ledger_entries SET leaf_index = 3 WHERE leaf_index = 1000`],
    ];
    const report = await auditAfter(...swap);
    expect(report.problems[0]).toMatchObject({ entryIndex: 2, code: 'ENTRY_MISPLACED' });

    // Someone holding the database (salts included) but not the signing key rebuilds both entries for their new places:
    // every entry then matches its fact, and only the signed tree heads give it away.
    const rows: Array<{ leaf_index: string; canonical_json: string }> = await t.dataSource.query(`SELECT leaf_index, canonical_json FROM ledger_entries WHERE leaf_index IN (2, 3)`);
    const refit = rows.map((row): [string, unknown[]] => {
      const entry = JSON.parse(row.canonical_json) as { public: JsonObject } & JsonObject;
      const moved = Number(row.leaf_index) === 2 ? 3 : 2;
      const text = canonicalJson({ ...entry, public: { ...entry.public, logIndex: moved } });
      return [`UPDATE ledger_entries SET canonical_json = $1, leaf_hash = $2 WHERE leaf_index = $3`, [text, Buffer.from(hashLeaf(utf8Encode(text))), moved]];
    });
    const forged = await auditAfter(...swap, ...refit);
    expect(forged.problems.map((p) => p.code)).toEqual(['HEAD_MISMATCH', 'HEAD_MISMATCH']);
    expect(forged.problems[0]).toMatchObject({ treeSize: 4 });
    expect(formatAuditSummary(forged)).toMatch(/^FAILED: tree head of size 4 does not match the stored log: entries it covers were changed, removed or reordered after it was signed/);
  });

  it('names an entry whose text no longer hashes to its leaf hash', async () => {
    const report = await auditAfter(unlockEntries, [`UPDATE ledger_entries SET canonical_json = replace(canonical_json, '"verified"', '"unverified"') WHERE leaf_index = 3`]);
    expect(report.problems[0]).toMatchObject({ entryIndex: 3, code: 'ENTRY_HASH_MISMATCH' });
  });

  it('names a forged tree head', async () => {
    const forger = generateSignerKey(ORIGIN);
    const head = (await ledger.latestCheckpoint(RequestContext.system()))!;
    const forgedNote = signCheckpoint({ origin: ORIGIN, treeSize: 7, rootHash: head.rootHash }, forger);
    const replaced = await auditAfter(unlockHeads, [`UPDATE ledger_tree_heads SET checkpoint_note = $1 WHERE tree_size = 7`, [forgedNote]]);
    expect(replaced.problems).toEqual([{ treeSize: 7, code: 'HEAD_BAD_SIGNATURE', message: expect.stringMatching(/^tree head of size 7: no signature by assay\.test\/ledger\+[0-9a-f]{8} \(UNKNOWN_SIGNER\)/) }]);

    const inserted = await auditAfter([`INSERT INTO ledger_tree_heads (tree_size, root_hash, checkpoint_note) VALUES (5, $1, $2)`, [Buffer.alloc(32), signCheckpoint({ origin: ORIGIN, treeSize: 5, rootHash: new Uint8Array(32) }, forger)]]);
    expect(inserted.problems).toEqual([expect.objectContaining({ treeSize: 5, code: 'HEAD_BAD_SIGNATURE' })]);

    // Signed with the real key over another history (a split view): the signature holds, the root does not.
    const splitView = await auditAfter([`INSERT INTO ledger_tree_heads (tree_size, root_hash, checkpoint_note) VALUES (5, $1, $2)`, [Buffer.alloc(32, 1), signCheckpoint({ origin: ORIGIN, treeSize: 5, rootHash: new Uint8Array(32).fill(1) }, signer)]]);
    expect(splitView.problems).toEqual([expect.objectContaining({ treeSize: 5, code: 'HEAD_MISMATCH' })]);

    const tamperedRoot = await auditAfter(unlockHeads, [`UPDATE ledger_tree_heads SET root_hash = $1 WHERE tree_size = 4`, [Buffer.alloc(32, 2)]]);
    expect(tamperedRoot.problems).toEqual([expect.objectContaining({ treeSize: 4, code: 'HEAD_MISMATCH', message: expect.stringContaining('differs from what its signed note says') })]);
  });

  it('names a fact written around the ledger (no fact without its entry)', async () => {
    const report = await auditAfter([
      `INSERT INTO disputes (verdict_id, case_study_id, vendor_id, opened_by_id, reason) SELECT id, case_study_id, vendor_id, reviewer_id, 'Inserted by hand.' FROM verdicts WHERE id = $1 RETURNING id`,
      [one.verdictId],
    ]);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'FACT_NOT_LOGGED', message: expect.stringMatching(/^the disputes row [0-9a-f-]{36} is a dispute with no ledger entry/) })]);
    const resolvedByHand = await auditAfter([`UPDATE disputes SET status = 'upheld', resolved_at = now() WHERE id = $1`, [disputeId]]);
    expect(resolvedByHand.problems).toEqual([expect.objectContaining({ code: 'FACT_NOT_LOGGED', message: expect.stringContaining('is a dispute_resolution with no ledger entry') })]);
  });

  it('refuses to sign a tree head over a rewritten history', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(unlockEntries[0]);
      // Entry 0 rewritten consistently with itself (text and leaf hash), and one entry appended so there is something to sign.
      const [first]: Array<{ canonical_json: string }> = await runner.query(`SELECT canonical_json FROM ledger_entries WHERE leaf_index = 0`);
      const rewritten = first.canonical_json.replace('"declined":false', '"declined":true');
      await runner.query(`UPDATE ledger_entries SET canonical_json = $1, leaf_hash = $2 WHERE leaf_index = 0`, [rewritten, Buffer.from(hashLeaf(utf8Encode(rewritten)))]);
      const appended = canonicalJson({ v: 1, kind: 'dispute_resolution', subjectId: disputeId, public: { logIndex: 7 }, commitments: {} });
      await runner.query(`INSERT INTO ledger_entries (leaf_index, kind, subject_table, subject_id, canonical_json, leaf_hash, salt) VALUES (7, 'dispute_resolution', 'disputes', $1, $2, $3, $4)`, [
        disputeId,
        appended,
        Buffer.from(hashLeaf(utf8Encode(appended))),
        'ab'.repeat(32),
      ]);
      const refused = await ledger.publishCheckpoint(RequestContext.system(null, runner.manager)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(LedgerIntegrityError);
      expect((refused as Error).message).toMatch(/^the log is not an extension of the tree head of size 7/);
      expect(await runner.query(`SELECT tree_size FROM ledger_tree_heads WHERE tree_size = 8`)).toEqual([]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('runs as a CLI: exit 0 with "ok", exit 1 naming the first tampered entry', async () => {
    const run = async () => {
      const args = ['run', '-s', 'ledger:verify', '--', '--database-url', t.databaseUrl, '--verifier-key', ledger.verifierKey, '--origin', ORIGIN];
      try {
        const { stdout } = await promisify(execFile)('npm', args, { cwd: root, env: { ...process.env, NODE_ENV: 'test' } });
        return { code: 0, stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout + failed.stderr };
      }
    };
    const clean = await run();
    expect(clean).toEqual({ code: 0, stdout: expect.stringMatching(/^ok: 7 entries, root [A-Za-z0-9+/]{43}=; 2 tree heads checked, latest signed tree head of size 7\n$/) });

    const index = await indexOf('verdict', three.verdictId);
    await t.dataSource.query(`UPDATE verdicts SET production_status = 'retired' WHERE id = $1`, [three.verdictId]);
    try {
      const tampered = await run();
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toMatch(new RegExp(`^FAILED: entry ${index} \\(verdict ${three.verdictId}\\): public field productionStatus was logged as "in_production", but the verdicts row now gives "retired"`));
    } finally {
      await t.dataSource.query(`UPDATE verdicts SET production_status = 'in_production' WHERE id = $1`, [three.verdictId]);
    }
  }, 60_000);
});
