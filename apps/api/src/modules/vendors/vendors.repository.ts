import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { VendorProfileEntity } from './entities/vendor-profile.entity';

/** The profile fields of a vendor that every listing, search and comparison row carries (one definition). */
export interface VendorProfileColumns {
  id: string;
  name: string;
  slug: string;
  website: string | null;
  description: string;
  capabilities: string[];
  industries: string[];
  regions: string[];
  team_size: number | null;
  rate_band: string | null;
}

export interface VendorRow extends VendorProfileColumns {
  total_count: string;
}

/** A vendor organization with its profile, as `vendorProfile` returns it. */
export interface VendorProfileRow {
  id: string;
  name: string;
  slug: string;
  website: string | null;
  description: string | null;
  capabilities: string[] | null;
  industries: string[] | null;
  regions: string[] | null;
  team_size: number | null;
  rate_band: string | null;
  founded_year: number | null;
  updated_at: Date | null;
}

/** How client references of a vendor's public case studies went (all zero without any). */
export interface ReferenceSummaryRow {
  nominated_requested: number;
  nominated_answered: number;
  drawn_requested: number;
  drawn_answered: number;
  hire_again_yes: number;
  hire_again_answered: number;
}

/** The public profile and the reference summary of a vendor, as the public vendor page reads them. */
export type PublicVendorRow = VendorProfileRow & ReferenceSummaryRow;

/**
 * The reference summary columns of vendor `o`, over the references of its public case studies
 * (for a LATERAL join; the same counts the floor server computes).
 */
export const REFERENCE_SUMMARY_LATERAL = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE rr.source = 'nominated' AND rr.status <> 'refused')::int AS nominated_requested,
           count(*) FILTER (WHERE rr.source = 'nominated' AND rr.status = 'answered')::int AS nominated_answered,
           count(*) FILTER (WHERE rr.source = 'drawn' AND rr.status <> 'refused')::int AS drawn_requested,
           count(*) FILTER (WHERE rr.source = 'drawn' AND rr.status = 'answered')::int AS drawn_answered,
           count(*) FILTER (WHERE resp.would_hire_again IS TRUE)::int AS hire_again_yes,
           count(resp.would_hire_again)::int AS hire_again_answered
      FROM case_studies cs
      JOIN reference_requests rr ON rr.case_study_id = cs.id
      LEFT JOIN reference_responses resp ON resp.reference_request_id = rr.id AND NOT resp.declined
     WHERE cs.vendor_id = o.id AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL) refs ON true`;

export type VendorProfilePatch = Partial<Pick<VendorProfileEntity, 'description' | 'capabilities' | 'industries' | 'regions' | 'teamSize' | 'rateBand' | 'foundedYear'>>;

@Injectable()
export class VendorsRepository {
  constructor(private readonly tx: TransactionService) {}

  /** The vendor organization (kind `vendor`) with this id, or null. */
  async findVendor(ctx: RequestContext, id: string): Promise<{ id: string; name: string } | null> {
    const rows: Array<{ id: string; name: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id, name FROM organizations WHERE id = $1 AND kind = 'vendor'`, [id]);
    return rows[0] ?? null;
  }

  /** The public profile: from a read replica for buyers, from the primary for the vendor's members (and in transactions). */
  async findProfile(ctx: RequestContext, vendorId: string): Promise<VendorProfileRow | null> {
    const rows: VendorProfileRow[] = await this.tx.read(
      ctx,
      (m) =>
        m.query(
          `SELECT o.id, o.name, o.slug, o.website, p.description, p.capabilities, p.industries, p.regions,
                  p.team_size, p.rate_band, p.founded_year, p.updated_at
             FROM organizations o LEFT JOIN vendor_profiles p ON p.organization_id = o.id
            WHERE o.id = $1 AND o.kind = 'vendor'`,
          [vendorId],
        ),
      { ownerOf: [vendorId] },
    );
    return rows[0] ?? null;
  }

  /**
   * Public profiles with their reference summaries, one statement for many vendors (unknown ids
   * are left out): from a read replica for buyers, from the primary for the vendors' own members.
   */
  async findPublicProfiles(ctx: RequestContext, vendorIds: readonly string[]): Promise<PublicVendorRow[]> {
    return this.tx.read(
      ctx,
      (m) =>
        m.query(
          `SELECT o.id, o.name, o.slug, o.website, p.description, p.capabilities, p.industries, p.regions,
                  p.team_size, p.rate_band, p.founded_year, p.updated_at, refs.*
             FROM organizations o LEFT JOIN vendor_profiles p ON p.organization_id = o.id
             ${REFERENCE_SUMMARY_LATERAL}
            WHERE o.id = ANY($1::uuid[]) AND o.kind = 'vendor'`,
          [[...vendorIds]],
        ),
      { ownerOf: vendorIds },
    );
  }

  /** Applies the given profile fields (creating the row if an old vendor has none). */
  async updateProfile(ctx: RequestContext, vendorId: string, patch: VendorProfilePatch): Promise<void> {
    const repo = this.tx.repo(ctx, VendorProfileEntity);
    const result = Object.keys(patch).length > 0 ? await repo.update({ organizationId: vendorId }, patch) : { affected: await repo.countBy({ organizationId: vendorId }) };
    if (!result.affected) await repo.insert({ organizationId: vendorId, ...patch });
  }

  /** The website lives on the organization; the profile editor changes it too. */
  async updateWebsite(ctx: RequestContext, vendorId: string, website: string | null): Promise<void> {
    await this.tx.manager(ctx).query('UPDATE organizations SET website = $2 WHERE id = $1', [vendorId, website]);
  }

  async upsertProfile(ctx: RequestContext, profile: Partial<VendorProfileEntity> & { organizationId: string }): Promise<void> {
    await this.tx.repo(ctx, VendorProfileEntity).upsert(profile, ['organizationId']);
  }

  /**
   * One statement per page: keyset pagination on (lower(name), id), so pages stay
   * stable while vendors are added; the total comes from a window function.
   */
  async directoryPage(
    ctx: RequestContext,
    params: { text?: string; capability?: string; first: number; after?: { name: string; id: string } },
  ): Promise<VendorRow[]> {
    const where: string[] = [`o.kind = 'vendor'`];
    const args: unknown[] = [];
    if (params.text) {
      args.push(`%${params.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(o.name ILIKE $${args.length} OR p.description ILIKE $${args.length})`);
    }
    if (params.capability) {
      args.push(params.capability);
      where.push(`$${args.length} = ANY(p.capabilities)`);
    }
    const filter = where.join(' AND ');
    const pageWhere: string[] = [];
    if (params.after) {
      args.push(params.after.name, params.after.id);
      pageWhere.push(`(lower(name), id) > ($${args.length - 1}, $${args.length}::uuid)`);
    }
    args.push(params.first + 1);
    return this.tx.manager(ctx).query(
      `WITH filtered AS (
         SELECT o.id, o.name, o.slug, o.website, p.description, p.capabilities, p.industries, p.regions, p.team_size, p.rate_band,
                count(*) OVER () AS total_count
           FROM organizations o JOIN vendor_profiles p ON p.organization_id = o.id
          WHERE ${filter})
       SELECT * FROM filtered ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY lower(name), id LIMIT $${args.length}`,
      args,
    );
  }
}
