// Seeds a synthetic market straight into PostgreSQL with multi-row
// `INSERT … SELECT FROM unnest($1::…[], …)` batches: vendors with profiles, case
// studies with outcome claims, verification tasks and verdicts, client references
// with their answers, follow-up checks and disputes. Content is deterministic for a
// seed (ids are random UUIDs); every constraint holds, and the search rows end
// up exactly as the database's own triggers would write them.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../../apps/api/src/modules/vendors/taxonomy';

export interface Scale {
  vendors: number;
  caseStudies: number;
  /** Answered (or declined) reference questionnaires: rows of `reference_responses`. */
  referenceAnswers: number;
}

export const FULL_SCALE: Scale = { vendors: 10_000, caseStudies: 100_000, referenceAnswers: 300_000 };
export const QUICK_SCALE: Scale = { vendors: 1_000, caseStudies: 10_000, referenceAnswers: 30_000 };
export const DEFAULT_SEED = 20261126;

export interface SeedResult {
  /** Rows written per table. */
  rows: Record<string, number>;
  ms: number;
  /** Of which: rebuilding the vendors' search documents, and VACUUM ANALYZE. */
  searchDocumentsMs: number;
  vacuumMs: number;
}

export interface SeedOptions {
  seed?: number;
  /** Vendors per batch (one transaction for every table of the batch). */
  batchVendors?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

// ---------------------------------------------------------------------------
// Deterministic content
// ---------------------------------------------------------------------------

/** mulberry32: small, fast and good enough for synthetic content. */
function rngFor(seed: number, stream: number): () => number {
  let s = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const between = (r: Rand, lo: number, hi: number): number => lo + r() * (hi - lo);
const intBetween = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
function pickSome<T>(r: Rand, items: readonly T[], min: number, max: number): T[] {
  const n = intBetween(r, min, max);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

const NAME_FIRST = ['Northwind', 'Lumen', 'Quarry', 'Helix', 'Tessellate', 'Bayes', 'Kestrel', 'Meridian', 'Orbital', 'Parallax', 'Vector', 'Cobalt', 'Fathom', 'Juniper', 'Lattice', 'Monolith', 'Nimbus', 'Outlier', 'Prism', 'Quantile', 'Redwood', 'Sable', 'Tandem', 'Umbra', 'Verity', 'Wavelet', 'Xylem', 'Yarrow', 'Zenith', 'Arbor', 'Beacon', 'Cipher', 'Delta', 'Ember', 'Foundry', 'Gradient', 'Harbor', 'Isotope', 'Jasper', 'Krypton', 'Lighthouse', 'Mosaic', 'Nautilus', 'Obsidian', 'Pinnacle', 'Quartz', 'Riverbend', 'Saltmarsh', 'Tidewater', 'Upland', 'Vantage', 'Willow', 'Axiom', 'Borealis', 'Catalyst', 'Drumlin', 'Ensemble', 'Fjord', 'Granite', 'Heron'];
const NAME_SECOND = ['Analytics', 'AI', 'Labs', 'Data Works', 'Machine Learning', 'Intelligence', 'Partners', 'Systems', 'Consulting', 'Applied ML', 'Insights', 'Data Science', 'Decisions', 'Models', 'Computing', 'Research', 'Engineering', 'Advisory', 'Signals', 'Automation'];
const NAME_PLACE = ['Oslo', 'Lisbon', 'Austin', 'Leeds', 'Porto', 'Tallinn', 'Denver', 'Kraków', 'Lyon', 'Utrecht', 'Bristol', 'Montreal', 'Valencia', 'Ghent', 'Turin', 'Aarhus', 'Seville', 'Boston', 'Dublin', 'Zurich', 'Munich', 'Vienna', 'Prague', 'Riga', 'Vilnius', 'Malmö', 'Bergen', 'Tampere', 'Cork', 'Graz', 'Bilbao', 'Nantes', 'Bologna', 'Leipzig', 'Bordeaux', 'Eindhoven', 'Toronto', 'Seattle', 'Singapore', 'Sydney'];

const PITCH: Record<keyof typeof CAPABILITIES, string[]> = {
  nlp: ['turns document-heavy processes into NLP pipelines with human review', 'builds text classification and entity extraction for contracts and claims'],
  computer_vision: ['puts computer-vision inspection on factory lines, with monitoring and retraining', 'builds image recognition for quality control and shelf monitoring'],
  forecasting: ['builds demand forecasting systems that planners keep using after we leave', 'delivers time-series forecasting for supply chains and energy load'],
  recommender_systems: ['designs recommender systems and runs the A/B tests that prove them', 'builds personalisation and ranking for catalogues and content'],
  llm_applications: ['ships retrieval-augmented LLM assistants with evaluation harnesses and guardrails', 'builds LLM agents for customer support with measured deflection'],
  mlops: ['sets up MLOps platforms so in-house teams can deploy models without us', 'builds model monitoring, feature stores and deployment pipelines'],
  data_engineering: ['untangles data pipelines and warehouses before anyone trains a model', 'builds streaming data platforms and data quality checks'],
  causal_inference: ['measures causal impact with experiments and uplift models', 'designs pricing experiments and marketing mix models'],
};

interface Template {
  capability: keyof typeof CAPABILITIES;
  title: string;
  problem: string;
  approach: string;
  metrics: Array<{ name: string; unit: string; direction: 'higher_is_better' | 'lower_is_better'; baseline: [number, number]; gain: [number, number] }>;
  stack: string[];
}

const TEMPLATES: Template[] = [
  { capability: 'forecasting', title: 'Demand forecasting', problem: 'Store replenishment relied on spreadsheet forecasts that missed promotions and holidays.', approach: 'Gradient-boosted models per store and category with a weekly retraining pipeline.', metrics: [{ name: 'Forecast MAPE', unit: '%', direction: 'lower_is_better', baseline: [22, 35], gain: [0.2, 0.45] }, { name: 'Stock-out rate', unit: '%', direction: 'lower_is_better', baseline: [4, 9], gain: [0.15, 0.4] }], stack: ['python', 'lightgbm', 'airflow'] },
  { capability: 'forecasting', title: 'Energy load forecasting', problem: 'Day-ahead load forecasts drove expensive balancing purchases.', approach: 'Temporal fusion transformer with weather features and a fallback seasonal model.', metrics: [{ name: 'Day-ahead MAE', unit: 'MW', direction: 'lower_is_better', baseline: [80, 140], gain: [0.15, 0.35] }], stack: ['python', 'pytorch', 'dbt'] },
  { capability: 'nlp', title: 'Claims triage', problem: 'Adjusters read every incoming claim to route it, creating a two-day backlog.', approach: 'Fine-tuned transformer classifier with confidence thresholds and human review of the rest.', metrics: [{ name: 'Routing accuracy', unit: '%', direction: 'higher_is_better', baseline: [62, 75], gain: [0.1, 0.3] }, { name: 'Handling time', unit: 'minutes', direction: 'lower_is_better', baseline: [18, 30], gain: [0.2, 0.5] }], stack: ['python', 'huggingface', 'kubernetes'] },
  { capability: 'nlp', title: 'Contract clause extraction', problem: 'Lawyers searched contracts by hand for renewal and liability clauses.', approach: 'Span extraction model with active learning on reviewed clauses.', metrics: [{ name: 'Clause recall', unit: '%', direction: 'higher_is_better', baseline: [55, 70], gain: [0.15, 0.35] }], stack: ['python', 'spacy', 'postgres'] },
  { capability: 'computer_vision', title: 'Defect detection on the production line', problem: 'Manual visual inspection missed hairline cracks and slowed the line.', approach: 'Segmentation model on line cameras with drift monitoring and monthly retraining.', metrics: [{ name: 'Defect recall', unit: '%', direction: 'higher_is_better', baseline: [70, 82], gain: [0.1, 0.25] }, { name: 'False reject rate', unit: '%', direction: 'lower_is_better', baseline: [3, 6], gain: [0.2, 0.5] }], stack: ['python', 'pytorch', 'onnx'] },
  { capability: 'computer_vision', title: 'Shelf monitoring', problem: 'Store staff walked aisles twice a day to find empty shelves.', approach: 'Object detection on shelf images with planogram matching.', metrics: [{ name: 'Out-of-shelf detection precision', unit: '%', direction: 'higher_is_better', baseline: [60, 75], gain: [0.1, 0.3] }], stack: ['python', 'yolo', 'azure'] },
  { capability: 'recommender_systems', title: 'Product recommendations', problem: 'The storefront showed the same best-sellers to every visitor.', approach: 'Two-tower retrieval with a re-ranker, proven in a four-week A/B test.', metrics: [{ name: 'Click-through rate', unit: '%', direction: 'higher_is_better', baseline: [2, 4], gain: [0.1, 0.35] }, { name: 'Revenue per session', unit: 'EUR', direction: 'higher_is_better', baseline: [3, 6], gain: [0.05, 0.2] }], stack: ['python', 'tensorflow', 'bigquery'] },
  { capability: 'recommender_systems', title: 'Content personalisation', problem: 'Editors hand-picked the home page for millions of readers.', approach: 'Contextual bandit over candidate articles with freshness constraints.', metrics: [{ name: 'Articles read per visit', unit: 'articles', direction: 'higher_is_better', baseline: [1.5, 2.5], gain: [0.1, 0.3] }], stack: ['python', 'vowpal-wabbit', 'kafka'] },
  { capability: 'llm_applications', title: 'Retrieval-augmented support assistant', problem: 'Support agents searched five knowledge bases for each ticket.', approach: 'Retrieval-augmented generation with an evaluation harness, guardrails and citations.', metrics: [{ name: 'Ticket deflection', unit: '%', direction: 'higher_is_better', baseline: [5, 12], gain: [0.3, 1.2] }, { name: 'First response time', unit: 'minutes', direction: 'lower_is_better', baseline: [40, 90], gain: [0.2, 0.6] }], stack: ['python', 'langchain', 'pgvector'] },
  { capability: 'llm_applications', title: 'Underwriting document summaries', problem: 'Underwriters spent hours summarising broker submissions.', approach: 'LLM summarisation with structured extraction and reviewer sign-off.', metrics: [{ name: 'Time per submission', unit: 'minutes', direction: 'lower_is_better', baseline: [60, 120], gain: [0.25, 0.6] }], stack: ['python', 'openai', 'fastapi'] },
  { capability: 'mlops', title: 'Model deployment platform', problem: 'Each model took a quarter to reach production through manual handoffs.', approach: 'Self-service training and deployment pipelines with monitoring and rollback.', metrics: [{ name: 'Time to production', unit: 'days', direction: 'lower_is_better', baseline: [60, 120], gain: [0.4, 0.8] }], stack: ['kubernetes', 'mlflow', 'terraform'] },
  { capability: 'mlops', title: 'Model monitoring and retraining', problem: 'Models silently degraded until customers complained.', approach: 'Drift detection, alerting and scheduled retraining owned by the client team.', metrics: [{ name: 'Incidents caught before customers', unit: '%', direction: 'higher_is_better', baseline: [20, 40], gain: [0.5, 1.5] }], stack: ['prometheus', 'evidently', 'airflow'] },
  { capability: 'data_engineering', title: 'Feature store and pipelines', problem: 'Data scientists rebuilt the same features in every notebook.', approach: 'Central feature store with tested batch and streaming pipelines.', metrics: [{ name: 'Pipeline failures per month', unit: 'failures', direction: 'lower_is_better', baseline: [10, 25], gain: [0.4, 0.8] }], stack: ['spark', 'feast', 'dbt'] },
  { capability: 'data_engineering', title: 'Streaming data platform', problem: 'Nightly batch loads left dashboards a day behind.', approach: 'Change-data-capture into a streaming platform with data quality checks.', metrics: [{ name: 'Data freshness', unit: 'minutes', direction: 'lower_is_better', baseline: [600, 1440], gain: [0.8, 0.98] }], stack: ['kafka', 'flink', 'snowflake'] },
  { capability: 'causal_inference', title: 'Pricing experiments', problem: 'Price changes were judged by before/after charts confounded by seasonality.', approach: 'Randomised price tests with CUPED variance reduction and uplift models.', metrics: [{ name: 'Gross margin', unit: '%', direction: 'higher_is_better', baseline: [18, 28], gain: [0.03, 0.12] }], stack: ['python', 'statsmodels', 'bigquery'] },
  { capability: 'causal_inference', title: 'Churn prevention uplift model', problem: 'Retention offers went to customers who would have stayed anyway.', approach: 'Uplift modelling on a randomised holdout to target persuadable customers.', metrics: [{ name: 'Monthly churn', unit: '%', direction: 'lower_is_better', baseline: [2, 4], gain: [0.1, 0.3] }, { name: 'Retention cost per saved customer', unit: 'EUR', direction: 'lower_is_better', baseline: [40, 90], gain: [0.2, 0.5] }], stack: ['python', 'causalml', 'snowflake'] },
  { capability: 'nlp', title: 'Fraud detection on payment notes', problem: 'Rule-based fraud checks flagged too many honest payments.', approach: 'Gradient-boosted model on transaction and text features with analyst feedback.', metrics: [{ name: 'Fraud caught', unit: '%', direction: 'higher_is_better', baseline: [55, 70], gain: [0.1, 0.3] }, { name: 'False positive rate', unit: '%', direction: 'lower_is_better', baseline: [4, 8], gain: [0.2, 0.5] }], stack: ['python', 'xgboost', 'kafka'] },
];
const TEMPLATES_BY_CAPABILITY = new Map<string, Template[]>();
for (const t of TEMPLATES) TEMPLATES_BY_CAPABILITY.set(t.capability, [...(TEMPLATES_BY_CAPABILITY.get(t.capability) ?? []), t]);

const CLIENT_A = ['Harbor', 'Summit', 'Granite', 'Meadow', 'Atlas', 'Pioneer', 'Silverline', 'Bluewater', 'Keystone', 'Evergreen', 'Northstar', 'Redrock', 'Crescent', 'Oakridge', 'Falcon', 'Sterling', 'Horizon', 'Coastal', 'Alpine', 'Prairie'];
const CLIENT_B: Record<string, string[]> = {
  retail: ['Foods', 'Grocers', 'Outfitters', 'Home Stores'], finance: ['Bank', 'Capital', 'Payments', 'Credit Union'], insurance: ['Mutual', 'Assurance', 'Insurance', 'Underwriters'],
  healthcare: ['Health', 'Clinics', 'Hospitals', 'Diagnostics'], manufacturing: ['Components', 'Steelworks', 'Plastics', 'Motors'], logistics: ['Freight', 'Logistics', 'Shipping', 'Couriers'],
  energy: ['Energy', 'Power', 'Utilities', 'Renewables'], telecom: ['Telecom', 'Mobile', 'Networks', 'Broadband'], media: ['Media', 'Publishing', 'Broadcasting', 'News'],
  public_sector: ['City Council', 'Agency', 'Authority', 'Ministry'], travel: ['Airlines', 'Hotels', 'Travel', 'Rail'], agriculture: ['Farms', 'Agritech', 'Growers', 'Cooperative'],
};
const DESCRIPTOR: Record<string, string> = {
  retail: 'retailer', finance: 'bank', insurance: 'insurer', healthcare: 'hospital group', manufacturing: 'manufacturer', logistics: 'logistics company',
  energy: 'utility', telecom: 'telecom operator', media: 'publisher', public_sector: 'public agency', travel: 'travel company', agriculture: 'agricultural cooperative',
};
const REGION_ADJECTIVE: Record<string, string> = { europe: 'European', north_america: 'North American', latin_america: 'Latin American', asia_pacific: 'Asia-Pacific', middle_east_africa: 'African' };
const REGION_PHRASE: Record<string, string> = { europe: 'Europe', north_america: 'North America', latin_america: 'Latin America', asia_pacific: 'Asia-Pacific', middle_east_africa: 'the Middle East and Africa' };
const PEOPLE_FIRST = ['anna', 'ben', 'carla', 'david', 'elena', 'farid', 'greta', 'hugo', 'ines', 'jonas', 'kaori', 'luca', 'maria', 'nils', 'olga', 'pedro', 'quinn', 'rosa', 'samir', 'tara', 'uma', 'victor', 'wen', 'yusuf', 'zoe'];
const PEOPLE_LAST = ['meyer', 'garcia', 'novak', 'smith', 'rossi', 'jensen', 'kowalski', 'dubois', 'silva', 'tanaka', 'haddad', 'olsen', 'murphy', 'costa', 'berg', 'weber', 'lopez', 'nakamura', 'ivanova', 'fischer'];
const ROLES = ['Head of Data', 'CTO', 'Product Owner', 'Director of Operations', 'Lead Data Scientist', 'VP Engineering', 'Head of Analytics'];
const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as Array<keyof typeof CAPABILITIES>;
const TEAM_SIZES = [3, 5, 8, 12, 18, 25, 40, 60, 90, 150, 250, 400];

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const slugify = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const arrayLiteral = (values: readonly string[]): string => `{${values.join(',')}}`;

/** The i-th vendor name; unique for i below 60 × 20 × 41 = 49,200 (a numbered suffix beyond). */
function vendorName(i: number): string {
  const pairs = NAME_FIRST.length * NAME_SECOND.length;
  const round = Math.floor(i / pairs);
  // A bijective shuffle of the pairs within a round (1021 is prime and does not divide `pairs`).
  const k = (i * 1021 + 7) % pairs;
  const base = `${NAME_FIRST[k % NAME_FIRST.length]} ${NAME_SECOND[Math.floor(k / NAME_FIRST.length)]}`;
  if (round === 0) return base;
  if (round <= NAME_PLACE.length) return `${base} ${NAME_PLACE[round - 1]}`;
  return `${base} ${round}`;
}

// ---------------------------------------------------------------------------
// Column batches → INSERT … SELECT FROM unnest(…)
// ---------------------------------------------------------------------------

type ColumnType = 'uuid' | 'text' | 'int' | 'float8' | 'bool' | 'timestamptz' | 'date' | 'jsonb' | 'text[]';

/** Rows of one table, kept column by column, written with one statement. */
class Batch {
  readonly data: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: ReadonlyArray<readonly [string, ColumnType]>,
  ) {
    this.data = columns.map(() => []);
  }

  add(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i]);
  }

  get size(): number {
    return this.data[0].length;
  }

  async write(client: Client): Promise<number> {
    if (this.size === 0) return 0;
    // jsonb and array columns travel as text and are cast per row (unnest cannot take ragged arrays).
    const carried = (t: ColumnType) => (t === 'jsonb' || t === 'text[]' ? 'text' : t);
    const params = this.columns.map(([, t], i) => `$${i + 1}::${carried(t)}[]`).join(', ');
    const aliases = this.columns.map((_, i) => `c${i}`);
    const select = this.columns.map(([, t], i) => (t === 'jsonb' || t === 'text[]' ? `c${i}::${t}` : `c${i}`)).join(', ');
    await client.query(
      `INSERT INTO ${this.table} (${this.columns.map(([n]) => n).join(', ')}) SELECT ${select} FROM unnest(${params}) AS t(${aliases.join(', ')})`,
      this.data,
    );
    return this.size;
  }
}

const COLUMNS = {
  organizations: [['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['slug', 'text'], ['website', 'text'], ['created_at', 'timestamptz']],
  vendor_profiles: [['organization_id', 'uuid'], ['description', 'text'], ['capabilities', 'text[]'], ['industries', 'text[]'], ['regions', 'text[]'], ['team_size', 'int'], ['rate_band', 'text'], ['founded_year', 'int'], ['updated_at', 'timestamptz']],
  case_studies: [
    ['id', 'uuid'], ['vendor_id', 'uuid'], ['lineage_id', 'uuid'], ['revision', 'int'], ['status', 'text'], ['title', 'text'], ['client_name', 'text'], ['client_domain', 'text'],
    ['client_anonymised', 'bool'], ['client_descriptor', 'text'], ['problem', 'text'], ['approach', 'text'], ['started_on', 'date'], ['ended_on', 'date'], ['team_size', 'int'],
    ['stack_tags', 'text[]'], ['production_status', 'text'], ['production_since', 'date'], ['retired_on', 'date'], ['handover', 'text'], ['submitted_at', 'timestamptz'],
    ['verified_at', 'timestamptz'], ['withdrawn_at', 'timestamptz'], ['created_by_id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['version', 'int'],
  ],
  outcome_claims: [
    ['id', 'uuid'], ['case_study_id', 'uuid'], ['position', 'int'], ['metric_name', 'text'], ['unit', 'text'], ['direction', 'text'], ['baseline_value', 'float8'], ['claimed_value', 'float8'],
    ['measured_at', 'date'], ['measurement_method', 'text'], ['verified_value', 'float8'], ['verification_status', 'text'],
  ],
  verification_tasks: [['id', 'uuid'], ['case_study_id', 'uuid'], ['kind', 'text'], ['status', 'text'], ['leased_to_id', 'uuid'], ['lease_expires_at', 'timestamptz'], ['created_at', 'timestamptz'], ['completed_at', 'timestamptz'], ['version', 'int']],
  verdicts: [
    ['id', 'uuid'], ['task_id', 'uuid'], ['case_study_id', 'uuid'], ['vendor_id', 'uuid'], ['reviewer_id', 'uuid'], ['kind', 'text'], ['status', 'text'], ['production_status', 'text'],
    ['handover', 'text'], ['rubric', 'jsonb'], ['notes', 'text'], ['conflict_declaration', 'text'], ['created_at', 'timestamptz'],
  ],
  verdict_outcomes: [['id', 'uuid'], ['verdict_id', 'uuid'], ['outcome_claim_id', 'uuid'], ['result', 'text'], ['verified_value', 'float8'], ['verified_share', 'float8']],
  disputes: [['id', 'uuid'], ['verdict_id', 'uuid'], ['case_study_id', 'uuid'], ['vendor_id', 'uuid'], ['opened_by_id', 'uuid'], ['reason', 'text'], ['status', 'text'], ['created_at', 'timestamptz']],
  reviewer_affiliations: [['id', 'uuid'], ['user_id', 'uuid'], ['organization_id', 'uuid'], ['note', 'text'], ['declared_at', 'timestamptz']],
  reference_requests: [
    ['id', 'uuid'], ['case_study_id', 'uuid'], ['vendor_id', 'uuid'], ['source', 'text'], ['contact_name', 'text'], ['contact_email', 'text'], ['contact_key', 'text'], ['contact_role', 'text'],
    ['client_name', 'text'], ['identity_strength', 'text'], ['identity_flags', 'text[]'], ['identity_reason', 'text'], ['status', 'text'], ['token_hash', 'text'], ['expires_at', 'timestamptz'],
    ['sent_at', 'timestamptz'], ['answered_at', 'timestamptz'], ['created_by_id', 'uuid'], ['created_at', 'timestamptz'],
  ],
  reference_responses: [
    ['id', 'uuid'], ['reference_request_id', 'uuid'], ['declined', 'bool'], ['decline_reason', 'text'], ['outcome_answers', 'jsonb'], ['in_production', 'text'], ['handover_rating', 'int'],
    ['on_time', 'int'], ['on_budget', 'int'], ['communication', 'int'], ['would_hire_again', 'bool'], ['created_at', 'timestamptz'],
  ],
  follow_up_checks: [['id', 'uuid'], ['case_study_id', 'uuid'], ['reference_request_id', 'uuid'], ['months_after', 'int'], ['due_at', 'timestamptz'], ['status', 'text'], ['token_hash', 'text'], ['expires_at', 'timestamptz'], ['still_in_production', 'bool'], ['answered_at', 'timestamptz']],
} as const satisfies Record<string, ReadonlyArray<readonly [string, ColumnType]>>;

/** Tables in foreign-key order. */
const TABLE_ORDER = Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>;
type Batches = { [K in keyof typeof COLUMNS]: Batch };
const newBatches = (): Batches => Object.fromEntries(TABLE_ORDER.map((t) => [t, new Batch(t, COLUMNS[t])])) as Batches;

// The search triggers refresh a vendor's search row on every row written; during the bulk load
// they are off and every search row is rebuilt once at the end with the same function.
const SEARCH_TRIGGERS = [
  ['organizations', 'trg_organizations_vendor_search'],
  ['vendor_profiles', 'trg_vendor_profiles_vendor_search'],
] as const;

interface MarketPlan {
  now: number;
  seed: number;
  scale: Scale;
  /** First case-study index of each vendor (prefix sums; length vendors + 1). */
  caseStudyStart: Int32Array;
  reviewerIds: string[];
  seederId: string;
  /** Contacts that several vendors give as references (the reused-contact flag). */
  sharedContacts: string[];
}

/** Case studies per vendor vary (a long tail of small vendors); the total is exact. */
function planCaseStudies(scale: Scale, seed: number): Int32Array {
  const r = rngFor(seed, -1);
  const weights = Array.from({ length: scale.vendors }, () => 0.15 + r() ** 2 * 2.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const start = new Int32Array(scale.vendors + 1);
  let cum = 0;
  for (let i = 0; i < scale.vendors; i++) {
    cum += weights[i];
    start[i + 1] = Math.round((scale.caseStudies * cum) / total);
  }
  start[scale.vendors] = scale.caseStudies;
  return start;
}

/** Answered references of case study `j` (global index), spread so the total is exactly `referenceAnswers`. */
function answersFor(plan: MarketPlan, j: number): number {
  const { referenceAnswers, caseStudies } = plan.scale;
  return Math.floor(((j + 1) * referenceAnswers) / caseStudies) - Math.floor((j * referenceAnswers) / caseStudies);
}

/** Generates every row of vendors [from, to) into `b`. */
function generateVendors(plan: MarketPlan, from: number, to: number, b: Batches): void {
  const { now } = plan;
  for (let i = from; i < to; i++) {
    const r = rngFor(plan.seed, i);
    const vendorId = randomUUID();
    const name = vendorName(i);
    const slug = `${slugify(name)}-${i}`;
    const quality = clamp(0.15 + r() * 0.8, 0, 1);
    const exaggeration = r() < 0.2 ? between(r, 1.3, 2.0) : 1; // some vendors inflate their claims
    const createdAt = now - intBetween(r, 400, 3000) * DAY;
    b.organizations.add(vendorId, 'vendor', name, slug, `https://${slug}.example`, iso(createdAt));

    const capabilities = pickSome(r, CAPABILITY_KEYS, 1, 3);
    const industries = pickSome(r, INDUSTRIES, 1, 3);
    const regions = pickSome(r, REGIONS, 1, 2);
    const teamSize = pick(r, TEAM_SIZES);
    const foundedYear = new Date(now).getUTCFullYear() - intBetween(r, 1, 18);
    const description =
      `${name} ${pick(r, PITCH[capabilities[0]])}` +
      (capabilities[1] ? `, and ${pick(r, PITCH[capabilities[1]])}` : '') +
      `. We work with ${industries.map((k) => DESCRIPTOR[k] + 's').join(', ')} across ${regions.map((k) => REGION_PHRASE[k]).join(' and ')}; ${teamSize} people, founded ${foundedYear}.`;
    b.vendor_profiles.add(vendorId, description, arrayLiteral(capabilities), arrayLiteral(industries), arrayLiteral(regions), teamSize, pick(r, RATE_BANDS), foundedYear, iso(createdAt + DAY));

    // A usual reviewer (concentration), sometimes with a declared affiliation.
    const usualReviewer = pick(r, plan.reviewerIds);
    if (r() < 0.004) b.reviewer_affiliations.add(randomUUID(), usualReviewer, vendorId, 'Former employee.', iso(createdAt));

    // Where each case study is in its workflow, decided first so the vendor's share of reference
    // answers goes to case studies that were sent out (drafts have none).
    const first = plan.caseStudyStart[i];
    const last = plan.caseStudyStart[i + 1];
    const rolls = Array.from({ length: last - first }, () => r());
    const sentOut = rolls.filter((x) => x >= DRAFT_SHARE).length;
    let quota = 0;
    for (let j = first; j < last; j++) quota += answersFor(plan, j);
    let given = 0;
    let k = 0;
    for (let j = first; j < last; j++) {
      const roll = rolls[j - first];
      let answers = 0;
      if (roll >= DRAFT_SHARE) {
        answers = Math.floor(((k + 1) * quota) / sentOut) - given;
        given += answers;
        k++;
      }
      generateCaseStudy(plan, r, j, roll, answers, { vendorId, quality, exaggeration, capabilities, industries, regions, usualReviewer }, b);
    }
  }
}

interface VendorTraits {
  vendorId: string;
  quality: number;
  exaggeration: number;
  capabilities: string[];
  industries: readonly string[];
  regions: readonly string[];
  usualReviewer: string;
}

const DRAFT_SHARE = 0.04;

function generateCaseStudy(plan: MarketPlan, r: Rand, j: number, roll: number, answers: number, v: VendorTraits, b: Batches): void {
  const { now } = plan;
  const id = randomUUID();
  const template = pick(r, TEMPLATES_BY_CAPABILITY.get(r() < 0.8 ? pick(r, v.capabilities) : pick(r, CAPABILITY_KEYS))!);
  const industry = pick(r, v.industries);
  const region = pick(r, v.regions);
  const clientBase = `${pick(r, CLIENT_A)} ${pick(r, CLIENT_B[industry])}`;
  const clientName = r() < 0.5 ? clientBase : `${clientBase} ${pick(r, ['Group', 'International', 'Holdings', 'Ltd'])}`;
  const clientDomain = `${slugify(clientName).replace(/-/g, '')}.example`;
  const anonymised = r() < 0.2;
  const descriptor = `A ${REGION_ADJECTIVE[region]} ${DESCRIPTOR[industry]}`;

  // Timeline: work ended 1 month to 5 years ago; submission follows; created at a unique millisecond.
  const endedAt = now - Math.floor(between(r, 30, 1800) * DAY);
  const startedAt = endedAt - Math.floor(between(r, 60, 400) * DAY);
  const submittedAt = Math.min(now - DAY, endedAt + Math.floor(between(r, 5, 60) * DAY));
  const createdAt = submittedAt - Math.floor(between(r, 1, 20) * DAY) + (j % 1000);

  const productionRoll = r();
  const productionStatus = productionRoll < v.quality * 0.75 ? 'in_production' : productionRoll < v.quality * 0.75 + 0.1 ? 'retired' : 'poc_only';
  const productionSince = productionStatus === 'poc_only' ? null : endedAt - Math.floor(between(r, 0, 30) * DAY);
  const retiredOn = productionStatus === 'retired' ? Math.min(now - DAY, productionSince! + Math.floor(between(r, 90, 700) * DAY)) : null;
  const handover = r() < v.quality ? (r() < 0.6 ? 'client_alone' : 'joint') : 'vendor';

  // Where the case study is in its workflow.
  let status: string = roll < DRAFT_SHARE ? 'draft' : roll < 0.06 ? 'withdrawn' : roll < 0.13 ? 'submitted' : roll < 0.23 ? 'in_verification' : 'judged';
  if (status === 'judged' && submittedAt > now - 20 * DAY) status = 'in_verification';
  const judged = status === 'judged';
  const verifiedAt = judged ? Math.min(now - 3_600_000, submittedAt + Math.floor(between(r, 7, 45) * DAY)) : null;

  // Outcome claims: the claimed improvement is inflated by the vendor's habit; verification finds what was real.
  const outcomes: Array<{ id: string; share: number | null; result: string; verified: number | null }> = [];
  const metricCount = Math.min(template.metrics.length, 1 + (r() < 0.5 ? 1 : 0) + (r() < 0.15 ? 1 : 0));
  for (let k = 0; k < Math.max(1, metricCount); k++) {
    const m = template.metrics[k % template.metrics.length];
    const baseline = Math.round(between(r, m.baseline[0], m.baseline[1]) * 100) / 100;
    const trueGain = between(r, m.gain[0], m.gain[1]);
    const claimedGain = Math.min(trueGain * v.exaggeration, m.direction === 'lower_is_better' ? 0.95 : 3);
    const claimed = Math.round(baseline * (m.direction === 'higher_is_better' ? 1 + claimedGain : 1 - claimedGain) * 100) / 100;
    let verified: number | null = null;
    let share: number | null = null;
    let result = 'pending';
    if (judged) {
      if (r() < 0.05) result = 'unverifiable';
      else {
        share = clamp((trueGain / claimedGain) * clamp(v.quality + between(r, -0.25, 0.25), 0, 1.1), 0, 1);
        verified = Math.round((baseline + share * (claimed - baseline)) * 100) / 100;
        result = share >= 0.85 ? 'verified' : share >= 0.3 ? 'partially_verified' : 'refuted';
      }
    }
    const oid = randomUUID();
    outcomes.push({ id: oid, share, result, verified });
    const method = pick(r, ['held_out_test_set', 'ab_test', 'before_after_production', 'other'] as const);
    b.outcome_claims.add(oid, id, k, m.name, m.unit, m.direction, baseline, claimed, isoDate(endedAt), method, verified, result);
  }
  if (judged) {
    const results = outcomes.map((o) => o.result);
    status = results.every((x) => x === 'verified') ? 'verified' : results.some((x) => x === 'verified' || x === 'partially_verified') ? 'partially_verified' : 'unverified';
  }
  const verdictStatus = status;
  const disputed = judged && r() < 0.03;
  if (disputed) status = 'disputed';

  b.case_studies.add(
    id, v.vendorId, id, 1, status, `${template.title} for ${anonymised ? descriptor.replace(/^A /, 'a ') : clientName}`, clientName, clientDomain,
    anonymised, anonymised ? descriptor : null, template.problem, template.approach, isoDate(startedAt), isoDate(endedAt), intBetween(r, 2, 12),
    arrayLiteral(template.stack), productionStatus, productionSince === null ? null : isoDate(productionSince), retiredOn === null ? null : isoDate(retiredOn), handover,
    status === 'draft' ? null : iso(submittedAt), verifiedAt === null ? null : iso(verifiedAt), status === 'withdrawn' ? iso(Math.min(now - DAY, submittedAt + 10 * DAY)) : null,
    plan.seederId, iso(createdAt), iso(verifiedAt ?? submittedAt), 1,
  );

  // Verification: a task for everything submitted; a verdict (and per-outcome results) once judged.
  if (status !== 'draft') {
    const reviewer = r() < 0.25 ? v.usualReviewer : pick(r, plan.reviewerIds);
    const taskId = randomUUID();
    const taskStatus = judged ? 'completed' : status === 'in_verification' ? 'leased' : status === 'withdrawn' ? 'cancelled' : 'open';
    b.verification_tasks.add(taskId, id, 'primary', taskStatus, taskStatus === 'leased' || judged ? reviewer : null, taskStatus === 'leased' ? iso(now + DAY) : null, iso(submittedAt), judged ? iso(verifiedAt!) : null, 1);
    if (judged) {
      const verdictId = randomUUID();
      const rubric = { properBaseline: r() < 0.8, heldOutOrOnlineEvaluation: r() < 0.7, leakageChecked: r() < 0.6, monitoringInProduction: productionStatus === 'in_production' ? r() < 0.7 : null, notes: '' };
      b.verdicts.add(verdictId, taskId, id, v.vendorId, reviewer, 'primary', verdictStatus, productionStatus, handover, JSON.stringify(rubric), 'Checked the evaluation notebook and production dashboards.', 'No conflict of interest.', iso(verifiedAt!));
      for (const o of outcomes) b.verdict_outcomes.add(randomUUID(), verdictId, o.id, o.result, o.verified, o.share ?? 0);
      if (disputed) b.disputes.add(randomUUID(), verdictId, id, v.vendorId, plan.seederId, 'The reviewer measured the metric on the wrong period.', 'open', iso(Math.min(now - 60_000, verifiedAt! + 3 * DAY)));
    }
  }

  // References: answered questionnaires (exact total), plus some that expired, are still out, or were refused.
  if (status === 'draft') return;
  const sentAt = submittedAt + 3_600_000;
  let firstAnswered: string | null = null;
  const extra = (r() < 0.25 ? 1 : 0) + (r() < 0.1 ? 1 : 0);
  for (let k = 0; k < answers + extra; k++) {
    const refId = randomUUID();
    const answered = k < answers;
    const shared = r() < 0.015;
    const first = pick(r, PEOPLE_FIRST);
    const last = pick(r, PEOPLE_LAST);
    const identityRoll = r();
    let email: string;
    let strength: string;
    let flags: string[];
    let reason: string;
    if (shared) {
      email = pick(r, plan.sharedContacts);
      strength = 'weak';
      flags = ['free_mail', 'reused_contact'];
      reason = 'The contact uses a free or disposable email provider (gmail.com), so their link to the client cannot be confirmed. The same contact has already been given as a reference by another vendor.';
    } else if (identityRoll < 0.7) {
      email = `${first}.${last}.${j.toString(36)}${k}@${clientDomain}`;
      strength = 'strong';
      flags = [];
      reason = `The contact's address is on the client's domain (${clientDomain}).`;
    } else if (identityRoll < 0.85) {
      email = `${first}.${last}.${j}.${k}@gmail.com`;
      strength = 'weak';
      flags = ['free_mail'];
      reason = 'The contact uses a free or disposable email provider (gmail.com), so their link to the client cannot be confirmed.';
    } else {
      const domain = `${slugify(pick(r, CLIENT_A))}-consulting.example`;
      email = `${first}.${last}.${j}.${k}@${domain}`;
      strength = 'unknown';
      flags = ['domain_mismatch'];
      reason = `The contact's address (${domain}) is not on the client's domain (${clientDomain}), so their link to the client cannot be confirmed.`;
    }
    const source = r() < 0.4 ? 'drawn' : 'nominated';
    const declined = answered && r() < 0.04;
    const refStatus = answered ? (declined ? 'declined' : 'answered') : k === answers && extra === 2 ? 'sent' : 'expired';
    const answeredAt = answered ? Math.min(now - 60_000, sentAt + Math.floor(between(r, 0.2, 12) * DAY)) : null;
    b.reference_requests.add(
      refId, id, v.vendorId, source, `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`, email, email, pick(r, ROLES),
      clientName, strength, arrayLiteral(flags), reason, refStatus, refStatus === 'sent' ? randomBytes(16).toString('hex') : null, iso(sentAt + 14 * DAY),
      iso(sentAt), answeredAt === null ? null : iso(answeredAt), plan.seederId, iso(sentAt),
    );
    if (!answered) continue;
    if (declined) {
      b.reference_responses.add(randomUUID(), refId, true, 'No longer at the company.', '[]', null, null, null, null, null, null, iso(answeredAt!));
      continue;
    }
    firstAnswered ??= refId;
    const rating = () => clamp(Math.round(1 + v.quality * 4 + between(r, -1.2, 1.2)), 1, 5);
    const outcomeAnswers = outcomes.map((o) => {
      const s = o.share ?? clamp(v.quality + between(r, -0.3, 0.3), 0, 1);
      return { outcomeClaimId: o.id, achieved: r() < 0.08 ? 'cant_say' : s >= 0.8 ? 'yes' : s >= 0.35 ? 'partly' : 'no', observedValue: null };
    });
    const inProduction = productionStatus === 'in_production' ? (r() < 0.9 ? 'yes' : 'dont_know') : productionStatus === 'retired' ? 'no' : r() < 0.8 ? 'no' : 'dont_know';
    b.reference_responses.add(randomUUID(), refId, false, null, JSON.stringify(outcomeAnswers), inProduction, rating(), rating(), rating(), rating(), r() < 0.25 + v.quality * 0.7, iso(answeredAt!));
  }

  // +6/+12-month production follow-ups, asked of the first reference that answered.
  if (!judged || productionSince === null || firstAnswered === null) return;
  for (const months of [6, 12]) {
    const due = productionSince + months * 30 * DAY;
    const fRoll = r();
    const st = due > now ? 'scheduled' : fRoll < 0.7 ? 'answered' : fRoll < 0.85 ? 'expired' : 'sent';
    const stillInProduction = st === 'answered' ? (retiredOn !== null && retiredOn < due ? false : r() < 0.6 + v.quality * 0.4) : null;
    b.follow_up_checks.add(
      randomUUID(), id, firstAnswered, months, iso(due), st, st === 'sent' ? randomBytes(16).toString('hex') : null, st === 'sent' || st === 'expired' ? iso(due + 14 * DAY) : null,
      stillInProduction, st === 'answered' ? iso(Math.min(now - 60_000, due + Math.floor(between(r, 1, 10) * DAY))) : null,
    );
  }
}

// ---------------------------------------------------------------------------
// The seeding run
// ---------------------------------------------------------------------------

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'assay-bench-seed' });
  await client.connect();
  // Each batch is one transaction; losing the tail of a crash is fine for a benchmark market.
  await client.query('SET synchronous_commit = off');
  return client;
}

/**
 * Seeds the market into an empty, migrated database at `url`. Two connections work
 * batches of vendors in turn, so generating one batch overlaps inserting the other.
 */
export async function seedMarket(url: string, scale: Scale, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const batchVendors = options.batchVendors ?? 250;
  const progress = options.onProgress ?? (() => undefined);
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const clients = [await connect(url), await connect(url)];
  const [main] = clients;
  try {
    const existing = await main.query(`SELECT count(*)::int AS n FROM organizations WHERE kind = 'vendor'`);
    if (existing.rows[0].n > 0) throw new Error('The benchmark seeds an empty database; this one already has vendors.');

    // People: the account that "created" the market, and the accredited reviewers.
    const now = Date.now();
    const seederId = randomUUID();
    const reviewerIds = Array.from({ length: Math.max(10, Math.round(scale.vendors / 10)) }, () => randomUUID());
    const users = new Batch('users', [['id', 'uuid'], ['email', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['platform_roles', 'text[]']]);
    users.add(seederId, 'market-seeder@bench.assay.example', 'Benchmark seeder', '!', '{admin}');
    reviewerIds.forEach((id, k) => users.add(id, `reviewer${k}@reviewers.bench.example`, `Reviewer ${k}`, '!', '{reviewer}'));
    const profiles = new Batch('reviewer_profiles', [['user_id', 'uuid'], ['accredited_at', 'timestamptz'], ['spot_checks_agreed', 'int'], ['spot_checks_total', 'int']]);
    const rr = rngFor(seed, -2);
    for (const id of reviewerIds) {
      const total = intBetween(rr, 0, 30);
      profiles.add(id, iso(now - intBetween(rr, 200, 1500) * DAY), Math.round(total * between(rr, 0.55, 1)), total);
    }
    await main.query('BEGIN');
    count('users', await users.write(main));
    count('reviewer_profiles', await profiles.write(main));
    await main.query('COMMIT');

    const plan: MarketPlan = {
      now,
      seed,
      scale,
      caseStudyStart: planCaseStudies(scale, seed),
      reviewerIds,
      seederId,
      sharedContacts: Array.from({ length: Math.max(20, Math.round(scale.vendors / 50)) }, (_, k) => `${PEOPLE_FIRST[k % PEOPLE_FIRST.length]}.${PEOPLE_LAST[k % PEOPLE_LAST.length]}.${k}@gmail.com`),
    };

    for (const [table, trigger] of SEARCH_TRIGGERS) await main.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    try {
      let next = 0;
      let done = 0;
      progress('seeding vendors', 0, scale.vendors);
      const worker = async (client: Client) => {
        while (next < scale.vendors) {
          const from = next;
          const to = Math.min(scale.vendors, from + batchVendors);
          next = to;
          const b = newBatches();
          generateVendors(plan, from, to, b);
          await client.query('BEGIN');
          for (const table of TABLE_ORDER) count(table, await b[table].write(client));
          await client.query('COMMIT');
          done += to - from;
          progress('seeding vendors', done, scale.vendors);
        }
      };
      await Promise.all(clients.map(worker));
    } finally {
      for (const [table, trigger] of SEARCH_TRIGGERS) await main.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }

    // The search rows the triggers would have written, from the same function, once per vendor.
    const docsStarted = performance.now();
    const ids: string[] = (await main.query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`)).rows.map((x: { id: string }) => x.id);
    let docsNext = 0;
    let docsDone = 0;
    progress('search documents', 0, ids.length);
    await Promise.all(
      clients.map(async (client) => {
        while (docsNext < ids.length) {
          const chunk = ids.slice(docsNext, docsNext + 1000);
          docsNext += chunk.length;
          await client.query('SELECT assay_refresh_vendor_search($1::uuid[])', [chunk]);
          docsDone += chunk.length;
          progress('search documents', docsDone, ids.length);
        }
      }),
    );
    count('vendor_search', ids.length);
    const searchDocumentsMs = performance.now() - docsStarted;

    // Fresh statistics and visibility maps, so the planner and autovacuum do not move under the measurements.
    const vacuumStarted = performance.now();
    progress('vacuum analyze', 0, 1);
    await main.query('VACUUM (ANALYZE)');
    progress('vacuum analyze', 1, 1);
    return { rows, ms: performance.now() - started, searchDocumentsMs, vacuumMs: performance.now() - vacuumStarted };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
