// The demo market (`npm start` on an empty database) shows issue 15's trend: one consultancy's
// dated history declines, through the same services as every other fact.
import { seedDemoMarket } from '../../apps/api/src/seed/demo-market';
import { createTestApp, type TestApp } from '../support/test-app';

const TREND = `query($vendorId: ID!) { vendorSignals(vendorId: $vendorId) { flags { kind } trend { comparable departs declining recent { mean outcomes caseStudies } earlier { mean outcomes caseStudies } } } }`;

describe('Demo market seed (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('includes a consultancy whose recent evidence is lower than its earlier evidence, flagged and shown as a trend', async () => {
    // Two generated consultancies are enough here; the one with the dated history is always added.
    const { seedEvidence, vendors } = await seedDemoMarket(t.app, 2);
    expect(vendors).toBe(3);
    await seedEvidence();
    const [{ id }] = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Ebbtide Analytics'`);
    const res = await t.client().query<{ vendorSignals: { flags: Array<{ kind: string }>; trend: { comparable: boolean; departs: boolean; declining: boolean; recent: { mean: number; outcomes: number }; earlier: { mean: number; outcomes: number } } } }>(TREND, { vendorId: id });
    expect(res.errors).toBeUndefined();
    const { trend, flags } = res.data!.vendorSignals;
    expect(trend).toMatchObject({ comparable: true, departs: true, declining: true, recent: { outcomes: 3, caseStudies: 3 }, earlier: { outcomes: 3, caseStudies: 3 } });
    expect(trend.earlier.mean - trend.recent.mean).toBeGreaterThan(0.5);
    expect(flags.map((f) => f.kind)).toContain('declining_recent_evidence');
  }, 240_000);
});
