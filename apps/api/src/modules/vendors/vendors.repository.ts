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

@Injectable()
export class VendorsRepository {
  constructor(private readonly tx: TransactionService) {}

  async createEmptyProfile(ctx: RequestContext, organizationId: string): Promise<void> {
    await this.tx.repo(ctx, VendorProfileEntity).insert({ organizationId });
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
