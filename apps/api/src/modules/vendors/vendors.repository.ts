import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { VendorProfileEntity } from './entities/vendor-profile.entity';

export interface VendorRow {
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
