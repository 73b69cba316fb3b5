import { encodeSignerKey, generateSignerKey, verifyCheckpoint } from '@assay/ledger';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { TransactionService } from '../../apps/api/src/database/transaction.service';
import { auditDatabase } from '../../apps/api/src/modules/ledger/ledger-audit';
import { LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import { createDraft, vendorWithOwner } from '../support/factories';
import { countRows, createTestApp, TestApp } from '../support/test-app';

const ORIGIN = 'assay.test/ledger';

describe('Ledger appends under concurrency (API e2e, jobs running)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let vendorId: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await createTestApp({ ASSAY_PUBLIC_URL: 'http://assay.test', LEDGER_SIGNER_KEY: encodeSignerKey(generateSignerKey(ORIGIN)), LEDGER_CHECKPOINT_INTERVAL_SECONDS: '1' }, { jobs: true });
    ledger = t.app.get(LedgerService);
    ({ vendorId } = await vendorWithOwner(t, 'owner@parallel.example', 'Parallel Labs'));
    ownerId = ((await t.dataSource.query(`SELECT id FROM users WHERE email = 'owner@parallel.example'`)) as Array<{ id: string }>)[0].id;
  }, 60_000);
  afterAll(() => t.close());

  async function leafIndices(): Promise<number[]> {
    const rows: Array<{ leaf_index: string }> = await t.dataSource.query(`SELECT leaf_index FROM ledger_entries ORDER BY leaf_index`);
    return rows.map((r) => Number(r.leaf_index));
  }

  it('gives 60 concurrent transactions gap-free indices, and none to the 10 that roll back after appending', async () => {
    const start = (await leafIndices()).length;
    const tx = t.app.get(TransactionService);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        tx.run(RequestContext.system(), async (txCtx) => {
          const [row]: Array<{ id: string }> = await tx.manager(txCtx).query(
            `INSERT INTO case_studies (vendor_id, lineage_id, title, client_name, client_domain, created_by_id, status, withdrawn_at, version)
             VALUES ($1, gen_random_uuid(), $2, 'Acme', 'acme.example', $3, 'withdrawn', now(), 1) RETURNING id`,
            [vendorId, `Parallel ${i}`, ownerId],
          );
          await tx.manager(txCtx).query(`UPDATE case_studies SET lineage_id = id WHERE id = $1`, [row.id]);
          await ledger.append(txCtx, { kind: 'withdrawal', subjectId: row.id });
          // Every sixth transaction fails after its append: its entry must vanish with it, leaving no hole.
          if (i % 6 === 5) throw new Error('rolled back on purpose');
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(Array(10).fill('rolled back on purpose'));
    expect(await leafIndices()).toEqual(Array.from({ length: start + 50 }, (_, i) => i));
    expect(await countRows(t.dataSource, 'case_studies', `title LIKE 'Parallel %'`)).toBe(50);
    const unlogged = await countRows(t.dataSource, 'case_studies c', `c.title LIKE 'Parallel %' AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.kind = 'withdrawal' AND e.subject_id = c.id)`);
    expect(unlogged).toBe(0);
    expect(await auditDatabase(t.dataSource, { verifierKeys: [ledger.verifierKey] })).toMatchObject({ ok: true, treeSize: start + 50 });
  }, 60_000);

  it('appends in order for parallel withdrawals through the API, and the publish job signs a head after the burst', async () => {
    const { client, vendorId: ownVendor } = await vendorWithOwner(t, 'owner@burst.example', 'Burst Analytics');
    const drafts = await Promise.all(Array.from({ length: 12 }, () => createDraft(client, ownVendor)));
    const headsBefore = await countRows(t.dataSource, 'ledger_tree_heads');
    const results = await Promise.all(drafts.map((d) => client.query(`mutation($id: ID!) { withdrawCaseStudy(id: $id) { status } }`, { id: d.id })));
    expect(results.map((r) => r.errors)).toEqual(Array(12).fill(undefined));
    const indices = await leafIndices();
    expect(indices).toEqual(indices.map((_, i) => i));
    const size = indices.length;

    // No one calls publishCheckpoint here: a worker does, a couple of seconds after the burst.
    const deadline = Date.now() + 20_000;
    let latest = await ledger.latestCheckpoint(RequestContext.system());
    while ((latest?.treeSize ?? 0) < size && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      latest = await ledger.latestCheckpoint(RequestContext.system());
    }
    expect(latest?.treeSize).toBe(size);
    expect(verifyCheckpoint(latest!.checkpointNote, ledger.verifierKey, { expectedOrigin: ORIGIN })).toMatchObject({ valid: true, checkpoint: { treeSize: size } });
    // The burst's twelve requests were coalesced by the job queue, not one head per append.
    expect(await countRows(t.dataSource, 'ledger_tree_heads')).toBeLessThanOrEqual(headsBefore + 2);
  }, 60_000);
});
