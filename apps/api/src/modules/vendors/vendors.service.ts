import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { badInput } from '../../common/errors';
import type { VendorConnectionObject } from './graphql/vendor.object';
import { CAPABILITIES } from './taxonomy';
import { VendorsRepository } from './vendors.repository';

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
  constructor(private readonly vendors: VendorsRepository) {}

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
