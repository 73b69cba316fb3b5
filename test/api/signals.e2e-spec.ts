import { type ConfigPath, configValue, DEFAULT_SIGNAL_CONFIG, flagDefinitions, SIGNAL_CONFIG_DOCS, SIGNAL_KEYS, type SignalConfig } from '@assay/signals';
import { createDraft, decliningHistoryFor, nominate, vendorWithOwner } from '../support/factories';
import { accreditedReviewer, testAdmin } from '../support/ledger-flow';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const METHODOLOGY = `{ methodology {
  version title summary
  sections { id title paragraphs }
  signals { key name question scale description formula constants improve }
  flags { kind title trigger severity effect exampleSentence }
  constants { path value numericValue meaning }
} }`;
const HINTS = `query($vendorId: ID!) { vendorImprovementHints(vendorId: $vendorId) { signal hints } }`;
const TREND = `query($vendorId: ID!) { vendorSignals(vendorId: $vendorId) {
  flags { kind }
  trend { windowDays since comparable departs declining recent { mean lower upper outcomes caseStudies } earlier { mean lower upper outcomes caseStudies } }
} }`;

interface TrendWindow {
  mean: number | null;
  lower: number | null;
  upper: number | null;
  outcomes: number;
  caseStudies: number;
}
interface TrendData {
  vendorSignals: {
    flags: Array<{ kind: string }>;
    trend: { windowDays: number; since: string; comparable: boolean; departs: boolean; declining: boolean; recent: TrendWindow; earlier: TrendWindow } | null;
  } | null;
}

interface MethodologyData {
  methodology: {
    version: string;
    sections: Array<{ id: string; paragraphs: string[] }>;
    signals: Array<{ key: string; formula: string; constants: string[]; improve: string[] }>;
    flags: Array<{ kind: string; severity: string; effect: string; exampleSentence: string }>;
    constants: Array<{ path: string; value: string; numericValue: number | null; meaning: string }>;
  };
}

/** Every leaf of the configuration, as dotted paths. */
function leafPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}

describe('Signals API: methodology and improvement hints (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('methodology', () => {
    it('publishes every constant of the code’s configuration with its value and meaning, to anyone', async () => {
      const res = await t.client().query<MethodologyData>(METHODOLOGY);
      expect(res.errors).toBeUndefined();
      const m = res.data!.methodology;
      expect(m.version).toBe(DEFAULT_SIGNAL_CONFIG.version);

      const paths = leafPaths(DEFAULT_SIGNAL_CONFIG).sort();
      expect(m.constants.map((c) => c.path).sort()).toEqual(paths);
      for (const c of m.constants) {
        const expected = configValue(DEFAULT_SIGNAL_CONFIG, c.path as ConfigPath<SignalConfig>);
        expect({ path: c.path, value: c.value, numericValue: c.numericValue }).toEqual({
          path: c.path,
          value: String(expected),
          numericValue: typeof expected === 'number' ? expected : null,
        });
        expect(c.meaning).toBe(SIGNAL_CONFIG_DOCS[c.path as ConfigPath<SignalConfig>]);
      }
    });

    it('describes every signal with a formula and every flag with severity, sentence and effect', async () => {
      const m = (await t.client().query<MethodologyData>(METHODOLOGY)).data!.methodology;
      expect(m.signals.map((s) => s.key).sort()).toEqual([...SIGNAL_KEYS].sort());
      const constantPaths = new Set(m.constants.map((c) => c.path));
      for (const s of m.signals) {
        expect(s.formula.length).toBeGreaterThan(10);
        expect(s.improve.length).toBeGreaterThan(0);
        for (const path of s.constants) expect(constantPaths).toContain(path);
      }
      expect(m.flags).toEqual(flagDefinitions().map((f) => ({ kind: f.kind, title: f.title, trigger: f.trigger, severity: f.severity, effect: f.effect, exampleSentence: f.exampleSentence })));
      expect(m.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['reading', 'weights']));
      // The half-life the page states is the one the code uses.
      expect(m.sections.find((s) => s.id === 'weights')!.paragraphs.join(' ')).toContain(`${DEFAULT_SIGNAL_CONFIG.recency.halfLifeDays} days`);
    });
  });

  describe('evidence trend', () => {
    it('shows anyone that a vendor whose recent verdicts are worse than its earlier ones departs, with both windows', async () => {
      const admin = await testAdmin(t);
      const reviewers = [await accreditedReviewer(t, admin, 'rae@trend-review.example'), await accreditedReviewer(t, admin, 'ren@trend-review.example')] as const;
      const vendor = await vendorWithOwner(t, 'owner@trend-vendor.example', 'Waning Analytics');
      await decliningHistoryFor(t, reviewers, vendor, 'trend');

      // Anonymous: the vendor page is public. The vendor's own row is refreshed in each fact's transaction.
      const res = await t.client().query<TrendData>(TREND, { vendorId: vendor.vendorId });
      expect(res.errors).toBeUndefined();
      const { trend, flags } = res.data!.vendorSignals!;
      expect(trend).toMatchObject({
        windowDays: DEFAULT_SIGNAL_CONFIG.trend.recentWindowDays,
        comparable: true,
        departs: true,
        declining: true,
        recent: { outcomes: 4, caseStudies: 2 },
        earlier: { outcomes: 4, caseStudies: 2 },
      });
      expect(Date.now() - Date.parse(trend!.since)).toBeGreaterThanOrEqual(DEFAULT_SIGNAL_CONFIG.trend.recentWindowDays * 86_400_000);
      // 29 of a claimed 21 from a baseline of 32 is 27% of the claimed gain; 21.5 is 95%.
      expect(trend!.recent.mean).toBeCloseTo(3 / 11, 6);
      expect(trend!.earlier.mean).toBeCloseTo(10.5 / 11, 6);
      expect(trend!.recent.upper!).toBeLessThan(trend!.earlier.lower!);
      expect(flags.map((f) => f.kind)).toContain('declining_recent_evidence');
    }, 120_000);

    it('does not compare a vendor with nothing verified yet', async () => {
      const { client: owner, vendorId } = await vendorWithOwner(t, 'owner@trend-new.example', 'Fresh Analytics');
      const draft = await createDraft(owner, vendorId);
      expect((await nominate(owner, draft.id, 'jo@acme-retail.example')).errors).toBeUndefined();
      expect((await owner.query(`mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`, { id: draft.id })).errors).toBeUndefined();
      const trend = (await t.client().query<TrendData>(TREND, { vendorId })).data!.vendorSignals!.trend;
      expect(trend).toMatchObject({ comparable: false, departs: false, declining: false, recent: { mean: null, outcomes: 0 }, earlier: { mean: null, outcomes: 0 } });
    });
  });

  describe('vendorImprovementHints', () => {
    let owner: GraphQLClient;
    let vendorId: string;

    beforeAll(async () => {
      ({ client: owner, vendorId } = await vendorWithOwner(t, 'owner@hints-vendor.example', 'Hints Analytics'));
      const draft = await createDraft(owner, vendorId);
      expect((await nominate(owner, draft.id, 'head.of.data@gmail.com')).errors).toBeUndefined();
      expect((await owner.query(`mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`, { id: draft.id })).errors).toBeUndefined();
    });

    it('gives a member, per signal, hints from its own evidence first, then the general advice', async () => {
      const res = await owner.query<{ vendorImprovementHints: Array<{ signal: string; hints: string[] }> }>(HINTS, { vendorId });
      expect(res.errors).toBeUndefined();
      const hints = new Map(res.data!.vendorImprovementHints.map((h) => [h.signal, h.hints]));
      expect([...hints.keys()]).toEqual([...SIGNAL_KEYS]);
      // Specific: the submitted outcome waits for a reviewer; the reference is a free-mail one, nominated.
      expect(hints.get('verifiedDelivery')![0]).toMatch(/1 outcome is waiting for verification/);
      expect(hints.get('clientEndorsement')!.join(' ')).toMatch(/free-mail/);
      for (const list of hints.values()) expect(list.length).toBeGreaterThan(0);
    });

    it('refuses other vendors, buyers, outsiders and anonymous callers, writing nothing', async () => {
      const { client: rival } = await vendorWithOwner(t, 'owner@hints-rival.example', 'Rival Labs');
      const buyer = await t.signedInClient({ email: 'cto@hints-buyer.example' });
      const created = await buyer.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Hints Buyer", kind: buyer }) { id } }`);
      const buyerOrgId = created.data!.createOrganization.id;
      const before = await t.dataSource.query(`SELECT vendor_id, inputs_version, computed_at FROM vendor_signals ORDER BY vendor_id`);
      const rows = await countRows(t.dataSource, 'vendor_signals');

      for (const client of [rival, buyer]) {
        const res = await client.query(HINTS, { vendorId });
        expect(res.data).toBeNull();
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
      }
      const anonymous = await t.client().query(HINTS, { vendorId });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // A member of a buyer asking about the buyer: there is no consultancy to advise.
      expect((await buyer.query(HINTS, { vendorId: buyerOrgId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await owner.query(HINTS, { vendorId: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

      // A member's own request reads only, too.
      expect((await owner.query(HINTS, { vendorId })).errors).toBeUndefined();
      expect(await countRows(t.dataSource, 'vendor_signals')).toBe(rows);
      expect(await t.dataSource.query(`SELECT vendor_id, inputs_version, computed_at FROM vendor_signals ORDER BY vendor_id`)).toEqual(before);
    });
  });
});
