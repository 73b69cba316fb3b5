import { SignalsService } from '../../apps/api/src/modules/signals/signals.service';
import { verifiedCaseStudyFor, vendorWithProfile } from '../support/factories';
import { accreditedReviewer } from '../support/ledger-flow';
import { countRows, createTestApp, TestApp } from '../support/test-app';

const HISTORY = `query($vendorId: ID!) { vendorSignals(vendorId: $vendorId) { assay { mean lower upper } verifiedCaseStudies history { computedAt assayMean assayLower assayUpper verifiedCaseStudies } } }`;

interface HistoryData {
  vendorSignals: {
    assay: { mean: number; lower: number; upper: number };
    verifiedCaseStudies: number;
    history: Array<{ computedAt: string; assayMean: number; assayLower: number; assayUpper: number; verifiedCaseStudies: number }>;
  };
}

describe('Signal history: one snapshot per change of the Assay score (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('records how the score built up, ends at the current score, and adds nothing when a recompute changes nothing', async () => {
    const admin = await t.signedInClient({ email: 'admin@history.test', platformRoles: ['admin'] });
    const reviewer = await accreditedReviewer(t, admin, 'rita@history-review.example');
    const vendor = await vendorWithProfile(t, 'owner@history.example', 'History Analytics', { capabilities: ['forecasting'] });
    await verifiedCaseStudyFor(t, reviewer, vendor, 'history-a');
    const afterOne = (await t.client().query<HistoryData>(HISTORY, { vendorId: vendor.vendorId })).data!.vendorSignals;
    await verifiedCaseStudyFor(t, reviewer, vendor, 'history-b');
    const afterTwo = (await t.client().query<HistoryData>(HISTORY, { vendorId: vendor.vendorId })).data!.vendorSignals;

    // Oldest first, distinct points only, the last one equal to the stored score.
    expect(afterTwo.history.length).toBeGreaterThan(afterOne.history.length);
    const times = afterTwo.history.map((h) => h.computedAt);
    expect([...times].sort()).toEqual(times);
    const last = afterTwo.history.at(-1)!;
    expect(last).toMatchObject({ assayMean: afterTwo.assay.mean, assayLower: afterTwo.assay.lower, assayUpper: afterTwo.assay.upper, verifiedCaseStudies: 2 });
    expect(afterTwo.history.some((h) => h.verifiedCaseStudies === 1)).toBe(true);

    // A full recompute on the same evidence writes the same score: no new snapshot.
    const before = await countRows(t.dataSource, 'vendor_signal_snapshots', 'vendor_id = $1', [vendor.vendorId]);
    await t.app.get(SignalsService).recomputeAll();
    expect(await countRows(t.dataSource, 'vendor_signal_snapshots', 'vendor_id = $1', [vendor.vendorId])).toBe(before);
  }, 90_000);
});
