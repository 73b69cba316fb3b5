import { Injectable } from '@nestjs/common';
import { codePointLength, normalizeDomain } from '@assay/domain';
import { z } from 'zod';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { badInput, notFound } from '../../common/errors';
import { TransactionService } from '../../database/transaction.service';
import type { VendorConnectionObject } from './graphql/vendor.object';
import type { VendorProfileObject } from './graphql/vendor-profile.object';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from './taxonomy';
import { VendorAccessPolicy } from './vendor-access';
import { publicVendorLoader } from './vendors.loaders';
import { VendorProfilePatch, VendorProfileRow, VendorsRepository } from './vendors.repository';

export const VENDOR_PROFILE_LIMITS = { descriptionMaxLength: 2000, teamSizeMax: 100_000, websiteMaxLength: 300 } as const;

/** Picks from a fixed list: every unknown key is named, duplicates are dropped. */
function taxonomyList(keys: readonly string[], what: string) {
  return z
    .array(z.string(), { error: `Choose ${what} from the list.` })
    .max(keys.length, `Choose at most ${keys.length} ${what}.`)
    .superRefine((values, ctx) => {
      const unknown = values.filter((v) => !keys.includes(v));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${unknown.map((v) => `“${v}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not on Assay’s list of ${what}; choose from the list.`,
        });
      }
    })
    .transform((values) => [...new Set(values)]);
}

const websiteRule = z
  .string()
  .trim()
  .max(VENDOR_PROFILE_LIMITS.websiteMaxLength, `A web address has at most ${VENDOR_PROFILE_LIMITS.websiteMaxLength} characters.`)
  .transform((v) => v || null)
  .refine((v) => {
    if (v === null) return true;
    if (!/^https:\/\/[^\s]+$/i.test(v)) return false;
    try {
      return normalizeDomain(new URL(v).hostname) !== null;
    } catch {
      return false;
    }
  }, 'Enter your website’s address starting with https://, for example https://lumen.example.');

const updateProfileSchema = z.object({
  vendorId: z.uuid({ error: 'This consultancy does not exist.' }),
  description: z
    .string({ error: 'Describe what your consultancy does.' })
    .trim()
    .refine(
      (v) => codePointLength(v) <= VENDOR_PROFILE_LIMITS.descriptionMaxLength,
      `Keep the description to ${VENDOR_PROFILE_LIMITS.descriptionMaxLength.toLocaleString('en-GB')} characters or fewer.`,
    )
    .optional(),
  capabilities: taxonomyList(Object.keys(CAPABILITIES), 'capabilities').optional(),
  industries: taxonomyList(INDUSTRIES, 'industries').optional(),
  regions: taxonomyList(REGIONS, 'regions').optional(),
  teamSize: z
    .number({ error: 'Give the team size as a whole number.' })
    .int('Give the team size as a whole number.')
    .min(1, 'The team has at least 1 person.')
    .max(VENDOR_PROFILE_LIMITS.teamSizeMax, `Enter a team size of at most ${VENDOR_PROFILE_LIMITS.teamSizeMax.toLocaleString('en-GB')} people.`)
    .nullish(),
  rateBand: z.enum(RATE_BANDS, { error: 'Choose a rate band from the list.' }).nullish(),
  website: websiteRule.nullish(),
  foundedYear: z
    .number({ error: 'Give the year as a whole number.' })
    .int('Give the year as a whole number.')
    .min(1900, 'Enter a year from 1900 on.')
    .refine((y) => y <= new Date().getUTCFullYear(), 'The founding year cannot be in the future.')
    .nullish(),
});

// GraphQL gives null for a list the caller sent as null; only "left out" means "unchanged" for lists.
const listsNotNull = (input: Record<string, unknown>) =>
  ['description', 'capabilities', 'industries', 'regions']
    .filter((field) => input[field] === null)
    .map((field) => ({ field, message: field === 'description' ? 'Send an empty description rather than null.' : 'Send an empty list rather than null.' }));

export function toVendorProfileObject(r: VendorProfileRow): VendorProfileObject {
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    website: r.website,
    description: r.description ?? '',
    capabilities: r.capabilities ?? [],
    industries: r.industries ?? [],
    regions: r.regions ?? [],
    teamSize: r.team_size,
    rateBand: r.rate_band,
    foundedYear: r.founded_year,
    updatedAt: r.updated_at,
  };
}

const directorySchema = z.object({
  first: z.number().int().min(1, 'Ask for at least 1 vendor.').max(100, 'Ask for at most 100 vendors at a time.'),
  after: z.string().max(500).nullish(),
  text: z.string().trim().max(200, 'Search text has at most 200 characters.').nullish(),
  capability: z
    .string()
    .refine((c) => c in CAPABILITIES, 'Choose a capability from the list.')
    .nullish(),
});

function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name.toLowerCase(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string' && z.uuid().safeParse(id).success) return { name, id };
  } catch {
    // fall through to the error below
  }
  throw badInput('This page link is no longer valid; start from the first page.', [{ field: 'after', message: 'Not a valid cursor.' }], 'INVALID_CURSOR');
}

@Injectable()
export class VendorsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly vendors: VendorsRepository,
    private readonly access: VendorAccessPolicy,
  ) {}

  /** A vendor's public profile (anyone may read it); shares its statement with the vendor's reference summary. */
  async profile(ctx: RequestContext, vendorId: string): Promise<VendorProfileObject> {
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const row = await publicVendorLoader(ctx, this.vendors).load(vendorId);
    if (!row) throw notFound('This consultancy');
    return toVendorProfileObject(row);
  }

  /** Members of the vendor change its profile; fields left out stay as they are. */
  async updateProfile(ctx: RequestContext, input: unknown): Promise<VendorProfileObject> {
    const vendorId = (input as { vendorId?: unknown } | null)?.vendorId;
    await this.access.requireMember(ctx, typeof vendorId === 'string' ? vendorId : '');
    const nulls = listsNotNull((input ?? {}) as Record<string, unknown>);
    if (nulls.length > 0) throw badInput(nulls.length === 1 ? nulls[0].message : `Please correct the ${nulls.length} highlighted fields.`, nulls);
    const data = parseInput(updateProfileSchema, input);
    const patch: VendorProfilePatch = {};
    if (data.description !== undefined) patch.description = data.description;
    if (data.capabilities !== undefined) patch.capabilities = data.capabilities;
    if (data.industries !== undefined) patch.industries = data.industries;
    if (data.regions !== undefined) patch.regions = data.regions;
    if (data.teamSize !== undefined) patch.teamSize = data.teamSize;
    if (data.rateBand !== undefined) patch.rateBand = data.rateBand;
    if (data.foundedYear !== undefined) patch.foundedYear = data.foundedYear;
    return this.tx.run(ctx, async (tx) => {
      await this.vendors.updateProfile(tx, data.vendorId, patch);
      if (data.website !== undefined) await this.vendors.updateWebsite(tx, data.vendorId, data.website);
      const row = await this.vendors.findProfile(tx, data.vendorId);
      return toVendorProfileObject(row!);
    });
  }

  /** The public consultancy directory (anyone may read it). */
  async directory(ctx: RequestContext, input: unknown): Promise<VendorConnectionObject> {
    const args = parseInput(directorySchema, input);
    const rows = await this.vendors.directoryPage(ctx, {
      first: args.first,
      after: args.after ? decodeCursor(args.after) : undefined,
      text: args.text || undefined,
      capability: args.capability || undefined,
    });
    const page = rows.slice(0, args.first);
    const last = page[page.length - 1];
    return {
      nodes: page.map((r) => ({
        id: r.id,
        name: r.name,
        slug: r.slug,
        website: r.website,
        description: r.description,
        capabilities: r.capabilities,
        industries: r.industries,
        regions: r.regions,
        teamSize: r.team_size,
        rateBand: r.rate_band,
      })),
      hasNextPage: rows.length > args.first,
      endCursor: last && rows.length > args.first ? encodeCursor(last.name, last.id) : null,
      totalCount: Number(rows[0]?.total_count ?? 0),
    };
  }
}
