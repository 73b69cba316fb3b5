import type { DataSource } from 'typeorm';
import type { GraphQLClient, TestApp } from './test-app';
// A cycle (ledger-flow uses these factories) is fine: only functions use the names, at call time.
import * as flow from './ledger-flow';

/** A complete, valid case-study input; override what a test is about. */
export function caseStudyInput(vendorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    vendorId,
    title: 'Demand forecasting for 400 stores',
    client: { name: 'Acme Retail', domain: 'acme-retail.example', anonymised: false, descriptor: null },
    problem: 'Stock-outs and waste from spreadsheet forecasts.',
    approach: 'Gradient-boosted models per store cluster, weekly retraining, monitoring.',
    startedOn: '2024-01-15',
    endedOn: '2024-09-30',
    teamSize: 5,
    stackTags: ['python', 'lightgbm', 'airflow'],
    productionStatus: 'in_production',
    productionSince: '2024-07-01',
    retiredOn: null,
    handover: 'client_alone',
    outcomes: [
      {
        metricName: 'Forecast error (WAPE)',
        unit: '%',
        direction: 'lower_is_better',
        baselineValue: 32,
        claimedValue: 21,
        measuredAt: '2024-09-01',
        measurementMethod: 'held_out_test_set',
        methodNote: null,
      },
    ],
    ...overrides,
  };
}

export const CASE_STUDY_FIELDS = `id vendorId status revision lineageId supersedesId supersededAt version editable title
  client { displayName anonymised name domain }
  outcomes { id metricName unit direction baselineValue claimedValue verificationStatus }`;

/** A vendor organization owned by a new signed-in user. */
export async function vendorWithOwner(t: TestApp, email: string, name: string): Promise<{ client: GraphQLClient; vendorId: string }> {
  const client = await t.signedInClient({ email });
  const res = await client.query<{ createOrganization: { id: string } }>(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
    input: { name, kind: 'vendor' },
  });
  if (!res.data) throw new Error(`could not create vendor: ${JSON.stringify(res.errors)}`);
  return { client, vendorId: res.data.createOrganization.id };
}

export async function createDraft(client: GraphQLClient, vendorId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await client.query<{ createCaseStudy: { id: string; version: number } }>(`mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id version } }`, {
    input: caseStudyInput(vendorId, overrides),
  });
  if (!res.data) throw new Error(`could not create case study: ${JSON.stringify(res.errors)}`);
  return res.data.createCaseStudy;
}

export async function nominate(client: GraphQLClient, caseStudyId: string, contactEmail: string, contactName = 'Jane Client') {
  return client.query<{ nominateReference: { id: string; status: string; identityStrength: string; identityReason: string; identityFlags: string[] } }>(
    `mutation($input: NominateReferenceInput!) { nominateReference(input: $input) { id status identityStrength identityReason identityFlags } }`,
    { input: { caseStudyId, contactName, contactEmail, contactRole: 'Head of Data' } },
  );
}

/** Marks a domain as verified for a vendor (the verification flow itself is tested elsewhere). */
export async function verifiedDomain(ds: DataSource, vendorId: string, domain: string): Promise<void> {
  await ds.query(`INSERT INTO vendor_domains (organization_id, domain, verification_email, verified_at) VALUES ($1, $2, $3, now())`, [vendorId, domain, `it@${domain}`]);
}

export async function rosterEntry(ds: DataSource, vendorId: string, entry: { clientName: string; clientDomain: string; contactName: string; contactEmail: string }): Promise<void> {
  await ds.query(
    `INSERT INTO roster_entries (vendor_id, client_name, client_domain, contact_name, contact_email, project_started_on) VALUES ($1, $2, $3, $4, $5, '2023-01-01')`,
    [vendorId, entry.clientName, entry.clientDomain, entry.contactName, entry.contactEmail],
  );
}

/** A vendor with a public profile set through the real mutation. */
export async function vendorWithProfile(
  t: TestApp,
  email: string,
  name: string,
  profile: { description?: string; capabilities?: string[]; industries?: string[]; regions?: string[]; teamSize?: number | null; rateBand?: string | null } = {},
): Promise<{ client: GraphQLClient; vendorId: string }> {
  const vendor = await vendorWithOwner(t, email, name);
  const res = await vendor.client.query(`mutation($input: UpdateVendorProfileInput!) { updateVendorProfile(input: $input) { id } }`, { input: { vendorId: vendor.vendorId, ...profile } });
  if (res.errors) throw new Error(`could not update profile: ${res.errors[0].message}`);
  return vendor;
}

/**
 * A case study of an existing vendor taken through reference answer and a reviewer's
 * verdict, all through the API (like `verifiedCaseStudy` in ledger-flow.ts, but for a
 * vendor the test already made, with case-study overrides such as an anonymised client or
 * project dates, and the value the reviewer verified for every outcome).
 */
export async function verifiedCaseStudyFor(
  t: TestApp,
  reviewer: GraphQLClient,
  vendor: { client: GraphQLClient; vendorId: string },
  slug: string,
  overrides: Record<string, unknown> = {},
  result = 'verified',
  verifiedValue?: number,
): Promise<{ caseStudyId: string; outcomeIds: string[] }> {
  const draft = await createDraft(vendor.client, vendor.vendorId, overrides);
  const referenceEmail = `jane@${slug}-client.example`;
  const nominated = await nominate(vendor.client, draft.id, referenceEmail);
  if (nominated.errors) throw new Error(`nominate: ${nominated.errors[0].message}`);
  const submitted = await vendor.client.query(flow.SUBMIT, { id: draft.id });
  if (submitted.errors) throw new Error(`submit: ${submitted.errors[0].message}`);
  const outcomeRows: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [draft.id]);
  const outcomeIds = outcomeRows.map((r) => r.id);
  const token = await flow.mailedToken(t, referenceEmail, '/r/');
  const answered = await t.client().query(flow.ANSWER, { token, input: flow.answerInput(outcomeIds) });
  if (answered.errors) throw new Error(`answer: ${answered.errors[0].message}`);
  const task = await flow.takeTask(t, reviewer, draft.id);
  const verdict = await reviewer.query(flow.VERDICT, { input: flow.verdictInput(task.taskId, outcomeIds, result, verifiedValue) });
  if (verdict.errors) throw new Error(`verdict: ${JSON.stringify(verdict.errors)}`);
  return { caseStudyId: draft.id, outcomeIds };
}

/** An ISO date (YYYY-MM-DD) `days` before now. */
export function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Case-study overrides for a project that ended `endedDaysAgo`, with two outcomes measured when it ended (baseline 32 → claimed 21, lower is better). */
export function datedProjectInput(title: string, endedDaysAgo: number): Record<string, unknown> {
  const measuredAt = isoDaysAgo(endedDaysAgo);
  const outcome = (metricName: string) => ({ metricName, unit: '%', direction: 'lower_is_better', baselineValue: 32, claimedValue: 21, measuredAt, measurementMethod: 'held_out_test_set', methodNote: null });
  return {
    title,
    startedOn: isoDaysAgo(endedDaysAgo + 240),
    endedOn: measuredAt,
    productionSince: isoDaysAgo(endedDaysAgo + 30),
    outcomes: [outcome('Forecast error (WAPE)'), outcome('Stock-out rate')],
  };
}

/**
 * A history whose recent projects verify far less than the earlier ones (issue 15, the
 * declining_recent_evidence trend): two projects that ended about four years ago, verified at
 * 21.5 of a claimed 21 (95% of the claimed gain), and two that ended within the last year,
 * verified at 29 (27%). Two outcomes each: enough in both windows to compare. Two reviewers
 * take turns (a reviewer may judge at most three of a vendor's case studies a year), each judging
 * one earlier and one recent project.
 */
export async function decliningHistoryFor(t: TestApp, reviewers: readonly [GraphQLClient, GraphQLClient], vendor: { client: GraphQLClient; vendorId: string }, slug: string): Promise<void> {
  const projects: Array<[string, number, string, number]> = [
    ['Demand forecasting for 400 stores', 4 * 365 + 60, 'verified', 21.5],
    ['Replenishment forecasting for a grocer', 4 * 365 - 60, 'verified', 21.5],
    ['Forecasting for a new region', 240, 'partially_verified', 29],
    ['Forecasting for online orders', 90, 'partially_verified', 29],
  ];
  for (const [i, [title, endedDaysAgo, result, value]] of projects.entries()) {
    await verifiedCaseStudyFor(t, reviewers[i % 2], vendor, `${slug}-${i}`, datedProjectInput(title, endedDaysAgo), result, value);
  }
}
