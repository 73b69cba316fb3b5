import type { INestApplication } from '@nestjs/common';
import { DEMO_PASSWORD } from '@assay/domain';
import { RequestContext } from '../common/request-context';
import { TransactionService } from '../database/transaction.service';
import { AccountsService } from '../modules/accounts/accounts.service';
import { OrganizationsService } from '../modules/organizations/organizations.service';
import { VendorsRepository } from '../modules/vendors/vendors.repository';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../modules/vendors/taxonomy';
import { seedDemoEvidence, type SeedVendor } from './demo-evidence';

/** Demo logins, listed in the README. */
export { DEMO_PASSWORD };
export const DEMO_USERS = {
  admin: 'admin@assay.demo',
  reviewer: 'reviewer@assay.demo',
  buyer: 'buyer@assay.demo',
  vendor: 'vendor@assay.demo',
} as const;

const FIRST = ['Northwind', 'Lumen', 'Quarry', 'Helix', 'Tessellate', 'Bayes', 'Kestrel', 'Meridian', 'Orbital', 'Parallax', 'Vector', 'Cobalt', 'Fathom', 'Juniper', 'Lattice', 'Monolith', 'Nimbus', 'Outlier', 'Prism', 'Quantile', 'Redwood', 'Sable', 'Tandem', 'Umbra', 'Verity', 'Wavelet', 'Xylem', 'Yarrow', 'Zenith', 'Arbor', 'Beacon', 'Cipher', 'Delta', 'Ember', 'Foundry', 'Gradient'];
const SECOND = ['Analytics', 'AI', 'Labs', 'Data Works', 'Machine Learning', 'Intelligence', 'Partners', 'Systems', 'Consulting', 'Applied ML'];
const PITCH = [
  'builds forecasting systems that planners keep using after we leave',
  'ships retrieval-augmented LLM assistants with evaluation harnesses and guardrails',
  'puts computer-vision inspection on factory lines, with monitoring and retraining pipelines',
  'designs recommender systems and runs the A/B tests that prove them',
  'sets up MLOps platforms so in-house teams can deploy models without us',
  'untangles data pipelines and feature stores before anyone trains a model',
  'measures causal impact with experiments and uplift models',
  'turns document-heavy processes into NLP pipelines with human review',
];

/** A small deterministic generator, so every fresh demo market looks the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickSome<T>(rand: () => number, items: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rand() * (max - min + 1));
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

/**
 * Seeds a believable market through the real services: demo users for every role,
 * 36 consultancies with varied capabilities, industries, regions and sizes (plus one whose recent
 * evidence declines), and a buyer organization; `seedEvidence` then adds case studies, references,
 * verdicts and disputes.
 */
export async function seedDemoMarket(app: INestApplication, vendorCount = 36): Promise<{ vendors: number; users: number; seedEvidence: () => Promise<{ caseStudies: number; verdicts: number }> }> {
  const accounts = app.get(AccountsService);
  const organizations = app.get(OrganizationsService);
  const vendors = app.get(VendorsRepository);
  const tx = app.get(TransactionService);
  const rand = rng(20261126);
  const system = RequestContext.system();

  const actAs = async (userId: string): Promise<RequestContext> => {
    const email = (await tx.manager(system).query('SELECT email FROM users WHERE id = $1', [userId]))[0].email as string;
    const memberships = new Map<string, 'owner' | 'member'>();
    return RequestContext.system({ id: userId, email, displayName: email, platformRoles: [], emailVerified: true, sessionId: 'seed', memberships });
  };

  const adminUser = await accounts.createUser(system, { email: DEMO_USERS.admin, displayName: 'Ada Admin', password: DEMO_PASSWORD, allowDemoPassword: true, platformRoles: ['admin'] });
  await accounts.createUser(system, { email: DEMO_USERS.reviewer, displayName: 'Rui Reviewer', password: DEMO_PASSWORD, allowDemoPassword: true, platformRoles: ['reviewer'] });
  const buyer = await accounts.createUser(system, { email: DEMO_USERS.buyer, displayName: 'Bea Buyer', password: DEMO_PASSWORD, allowDemoPassword: true });
  const vendorUser = await accounts.createUser(system, { email: DEMO_USERS.vendor, displayName: 'Vic Vendor', password: DEMO_PASSWORD, allowDemoPassword: true });
  await organizations.create(await actAs(buyer.id), { name: 'Acme Retail Group', kind: 'buyer', website: 'https://acme-retail.example' });

  const capabilityKeys = Object.keys(CAPABILITIES);
  const usedNames = new Set<string>();
  let users = 4;
  const seeded: SeedVendor[] = [];
  for (let i = 0; i < vendorCount; i++) {
    let name = '';
    do name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${SECOND[Math.floor(rand() * SECOND.length)]}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const slugBase = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const ownerId =
      i === 0
        ? vendorUser.id
        : (await accounts.createUser(system, { email: `owner@${slugBase}.example`, displayName: `${name} owner`, password: DEMO_PASSWORD, allowDemoPassword: true })).id;
    if (i > 0) users++;
    const ctx = await actAs(ownerId);
    const org = await organizations.create(ctx, { name, kind: 'vendor', website: `https://${slugBase}.example` });
    const capabilities = pickSome(rand, capabilityKeys, 1, 3);
    seeded.push({ id: org.id, name, ownerId, domain: `${slugBase}.example`, capabilities });
    const teamSize = [4, 8, 12, 20, 35, 60, 120, 250][Math.floor(rand() * 8)];
    const foundedYear = 2008 + Math.floor(rand() * 16);
    await vendors.upsertProfile(system, {
      organizationId: org.id,
      description: `${name} ${PITCH[Math.floor(rand() * PITCH.length)]}. ${teamSize} people, founded ${foundedYear}.`,
      capabilities,
      industries: pickSome(rand, INDUSTRIES, 1, 3),
      regions: pickSome(rand, REGIONS, 1, 2),
      teamSize,
      rateBand: RATE_BANDS[Math.min(RATE_BANDS.length - 1, Math.floor(rand() * RATE_BANDS.length))],
      foundedYear,
    });
  }
  // One more consultancy with a dated history whose recent projects verify far less (issue 15's
  // trend on the vendor page); made after the others, so their generated names and profiles stay as they were.
  const waningOwner = await accounts.createUser(system, { email: 'owner@ebbtideanalytics.example', displayName: 'Ebbtide Analytics owner', password: DEMO_PASSWORD, allowDemoPassword: true });
  users++;
  const waningOrg = await organizations.create(await actAs(waningOwner.id), { name: 'Ebbtide Analytics', kind: 'vendor', website: 'https://ebbtideanalytics.example' });
  await vendors.upsertProfile(system, {
    organizationId: waningOrg.id,
    description: 'Ebbtide Analytics builds demand forecasting for retailers. 20 people, founded 2012.',
    capabilities: ['forecasting'],
    industries: ['retail'],
    regions: ['europe'],
    teamSize: 20,
    rateBand: RATE_BANDS[1],
    foundedYear: 2012,
  });
  const waning: SeedVendor = { id: waningOrg.id, name: 'Ebbtide Analytics', ownerId: waningOwner.id, domain: 'ebbtideanalytics.example', capabilities: ['forecasting'] };
  // The evidence takes longer (every fact goes through the real services); the caller may run it after the app is up.
  return { vendors: vendorCount + 1, users, seedEvidence: () => seedDemoEvidence(app, seeded, adminUser.id, rand, waning) };
}
