import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { ShortlistItemEntity } from './entities/shortlist-item.entity';
import { ShortlistEntity } from './entities/shortlist.entity';

export type ShortlistRow = ShortlistEntity & { organizationName: string };
export type ShortlistItemRow = ShortlistItemEntity & { changed: boolean };

/** A shortlisted vendor whose signals or flags changed since the last digest. */
export interface DigestChangeRow {
  item_id: string;
  organization_id: string;
  shortlist_name: string;
  vendor_id: string;
  vendor_name: string;
  inputs_version: number;
  flag_count: number;
  assay_lower: number;
  snapshot_flag_count: number;
  snapshot_assay_lower: number | null;
}

@Injectable()
export class ShortlistsRepository {
  constructor(private readonly tx: TransactionService) {}

  async organizationKind(ctx: RequestContext, organizationId: string): Promise<string | null> {
    const rows: Array<{ kind: string }> = await this.tx.manager(ctx).query('SELECT kind FROM organizations WHERE id = $1', [organizationId]);
    return rows[0]?.kind ?? null;
  }

  async isVendor(ctx: RequestContext, vendorId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager(ctx).query(`SELECT 1 FROM organizations WHERE id = $1 AND kind = 'vendor'`, [vendorId]);
    return rows.length > 0;
  }

  async forOrganizations(ctx: RequestContext, organizationIds: string[]): Promise<ShortlistRow[]> {
    const rows: Array<{ id: string; organization_id: string; organization_name: string; name: string; created_by_id: string; created_at: Date }> = await this.tx
      .manager(ctx)
      .query(
        `SELECT s.id, s.organization_id, o.name AS organization_name, s.name, s.created_by_id, s.created_at
           FROM shortlists s JOIN organizations o ON o.id = s.organization_id
          WHERE s.organization_id = ANY($1::uuid[]) ORDER BY o.name, s.created_at, s.id`,
        [organizationIds],
      );
    return rows.map((r) => Object.assign(new ShortlistEntity(), { id: r.id, organizationId: r.organization_id, name: r.name, createdById: r.created_by_id, createdAt: r.created_at, organizationName: r.organization_name }));
  }

  async findShortlist(ctx: RequestContext, id: string): Promise<ShortlistEntity | null> {
    return this.tx.repo(ctx, ShortlistEntity).findOneBy({ id });
  }

  async createShortlist(ctx: RequestContext, values: Pick<ShortlistEntity, 'organizationId' | 'name' | 'createdById'>): Promise<ShortlistEntity> {
    return this.tx.repo(ctx, ShortlistEntity).save(this.tx.repo(ctx, ShortlistEntity).create(values));
  }

  /** Items of many shortlists in one statement, with whether the vendor changed since the snapshot. */
  async itemsFor(ctx: RequestContext, shortlistIds: readonly string[]): Promise<ShortlistItemRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager(ctx).query(
      `SELECT i.*, (COALESCE(v.inputs_version, 0) <> i.snapshot_inputs_version) AS changed
         FROM shortlist_items i LEFT JOIN vendor_signals v ON v.vendor_id = i.vendor_id
        WHERE i.shortlist_id = ANY($1::uuid[]) ORDER BY i.added_at, i.id`,
      [[...shortlistIds]],
    );
    return rows.map((r) =>
      Object.assign(new ShortlistItemEntity(), {
        id: r.id as string,
        shortlistId: r.shortlist_id as string,
        vendorId: r.vendor_id as string,
        note: r.note as string,
        addedById: r.added_by_id as string,
        snapshotInputsVersion: Number(r.snapshot_inputs_version),
        snapshotFlagCount: Number(r.snapshot_flag_count),
        snapshotAssayLower: r.snapshot_assay_lower === null ? null : Number(r.snapshot_assay_lower),
        addedAt: r.added_at as Date,
        changed: r.changed as boolean,
      }),
    );
  }

  /** Adds the vendor with a snapshot of its current signals; null when it is already on the list. */
  async addItem(ctx: RequestContext, values: { shortlistId: string; vendorId: string; note: string; addedById: string }): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(
      `INSERT INTO shortlist_items (shortlist_id, vendor_id, note, added_by_id, snapshot_inputs_version, snapshot_flag_count, snapshot_assay_lower)
       SELECT $1, $2, $3, $4, COALESCE(v.inputs_version, 0), COALESCE(v.flag_count, 0), v.assay_lower
         FROM (SELECT 1) one LEFT JOIN vendor_signals v ON v.vendor_id = $2
       ON CONFLICT (shortlist_id, vendor_id) DO NOTHING RETURNING id`,
      [values.shortlistId, values.vendorId, values.note, values.addedById],
    );
    return rows[0]?.id ?? null;
  }

  async findItem(ctx: RequestContext, itemId: string): Promise<(ShortlistItemEntity & { organizationId: string }) | null> {
    const item = await this.tx.repo(ctx, ShortlistItemEntity).findOne({ where: { id: itemId }, relations: { shortlist: true } });
    return item ? Object.assign(item, { organizationId: item.shortlist!.organizationId }) : null;
  }

  async updateNote(ctx: RequestContext, itemId: string, note: string): Promise<void> {
    await this.tx.repo(ctx, ShortlistItemEntity).update({ id: itemId }, { note });
  }

  async removeItem(ctx: RequestContext, itemId: string): Promise<void> {
    await this.tx.repo(ctx, ShortlistItemEntity).delete({ id: itemId });
  }

  /** Shortlisted vendors whose signals changed since their snapshot, locked so two workers never mail twice. */
  async changedItems(ctx: RequestContext): Promise<DigestChangeRow[]> {
    return this.tx.manager(ctx).query(
      `SELECT i.id AS item_id, s.organization_id, s.name AS shortlist_name, i.vendor_id, o.name AS vendor_name,
              v.inputs_version, v.flag_count, v.assay_lower, i.snapshot_flag_count, i.snapshot_assay_lower
         FROM shortlist_items i
         JOIN shortlists s ON s.id = i.shortlist_id
         JOIN organizations o ON o.id = i.vendor_id
         JOIN vendor_signals v ON v.vendor_id = i.vendor_id
        WHERE v.inputs_version <> i.snapshot_inputs_version
        ORDER BY s.organization_id, s.name, o.name
        FOR UPDATE OF i SKIP LOCKED`,
    );
  }

  async membersOf(ctx: RequestContext, organizationIds: string[]): Promise<Array<{ organization_id: string; user_id: string; email: string }>> {
    return this.tx
      .manager(ctx)
      .query(`SELECT m.organization_id, u.id AS user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ANY($1::uuid[]) ORDER BY u.email`, [organizationIds]);
  }

  async markReported(ctx: RequestContext, itemIds: string[]): Promise<void> {
    await this.tx.manager(ctx).query(
      `UPDATE shortlist_items i SET snapshot_inputs_version = v.inputs_version, snapshot_flag_count = v.flag_count, snapshot_assay_lower = v.assay_lower
         FROM vendor_signals v WHERE v.vendor_id = i.vendor_id AND i.id = ANY($1::uuid[])`,
      [itemIds],
    );
  }
}
