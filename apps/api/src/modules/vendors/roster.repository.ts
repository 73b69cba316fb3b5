import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { domainMatches, type RosterEntry } from '@assay/domain';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { RosterEntryEntity } from './entities/roster-entry.entity';

/** A roster entry as stored, dates as `YYYY-MM-DD`. */
export interface RosterEntryRecord {
  id: string;
  vendorId: string;
  clientName: string;
  clientDomain: string;
  contactName: string;
  contactEmail: string;
  projectStartedOn: string;
  projectEndedOn: string | null;
  createdAt: Date;
}

/** A drawn entry, saying whether it is an engagement with the case study's client. */
export interface DrawnRosterEntry extends RosterEntryRecord {
  matchesClientDomain: boolean;
}

/** Uniform integer in [0, maxExclusive); `crypto.randomInt` unless a test passes its own. */
export type RandomIntFn = (maxExclusive: number) => number;

interface RosterRow {
  id: string;
  vendor_id: string;
  client_name: string;
  client_domain: string;
  contact_name: string;
  contact_email: string;
  project_started_on: string;
  project_ended_on: string | null;
  created_at: Date;
}

// Dates as text: node-postgres would turn a DATE into a local-time Date object.
const COLUMNS = `id, vendor_id, client_name, client_domain, contact_name, contact_email,
  project_started_on::text AS project_started_on, project_ended_on::text AS project_ended_on, created_at`;

const INSERT_CHUNK = 500;

function toRecord(r: RosterRow): RosterEntryRecord {
  return {
    id: r.id,
    vendorId: r.vendor_id,
    clientName: r.client_name,
    clientDomain: r.client_domain,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    projectStartedOn: r.project_started_on,
    projectEndedOn: r.project_ended_on,
    createdAt: r.created_at,
  };
}

@Injectable()
export class RosterRepository {
  constructor(private readonly tx: TransactionService) {}

  /** Serialises imports of one vendor's roster until the transaction ends (any number of API processes). */
  async lockVendorRoster(ctx: RequestContext, vendorId: string): Promise<void> {
    await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock(hashtextextended('roster:' || $1::text, 0))`, [vendorId]);
  }

  count(ctx: RequestContext, vendorId: string): Promise<number> {
    return this.tx.repo(ctx, RosterEntryEntity).countBy({ vendorId });
  }

  /** What identifies each existing engagement (see `rosterEntryKey`), to refuse duplicates. */
  async identities(ctx: RequestContext, vendorId: string): Promise<Array<Pick<RosterEntry, 'clientDomain' | 'contactEmail' | 'projectStartedOn'>>> {
    const rows: Array<{ client_domain: string; contact_email: string; project_started_on: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT client_domain, contact_email, project_started_on::text AS project_started_on FROM roster_entries WHERE vendor_id = $1`, [vendorId]);
    return rows.map((r) => ({ clientDomain: r.client_domain, contactEmail: r.contact_email, projectStartedOn: r.project_started_on }));
  }

  async insertMany(ctx: RequestContext, vendorId: string, entries: readonly RosterEntry[]): Promise<void> {
    const repo = this.tx.repo(ctx, RosterEntryEntity);
    for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
      await repo.insert(entries.slice(i, i + INSERT_CHUNK).map((e) => ({ vendorId, ...e })));
    }
  }

  async findById(ctx: RequestContext, id: string): Promise<RosterEntryRecord | null> {
    const rows: RosterRow[] = await this.tx.manager(ctx).query(`SELECT ${COLUMNS} FROM roster_entries WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    const result = await this.tx.repo(ctx, RosterEntryEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** One page in (lower(client_name), id) order, keyset-paginated, with the total. */
  async page(
    ctx: RequestContext,
    vendorId: string,
    params: { first: number; after?: { name: string; id: string } },
  ): Promise<{ rows: RosterEntryRecord[]; total: number }> {
    const args: unknown[] = [vendorId];
    let keyset = '';
    if (params.after) {
      args.push(params.after.name, params.after.id);
      keyset = `AND (lower(client_name), id) > ($2, $3::uuid)`;
    }
    args.push(params.first + 1);
    const [rows, total] = await Promise.all([
      this.tx
        .manager(ctx)
        .query(`SELECT ${COLUMNS} FROM roster_entries WHERE vendor_id = $1 ${keyset} ORDER BY lower(client_name), id LIMIT $${args.length}`, args) as Promise<RosterRow[]>,
      this.count(ctx, vendorId),
    ]);
    return { rows: rows.map(toRecord), total };
  }

  /**
   * Draws up to `count` distinct entries of the vendor's roster, uniformly at
   * random (the vendor does not choose). With a `clientDomain`, engagements with
   * that client (same domain, or one within the other) are drawn first and the
   * rest, if `count` asks for more, from the other engagements.
   */
  async drawRosterEntries(
    ctx: RequestContext,
    vendorId: string,
    clientDomain: string | null | undefined,
    count: number,
    rng: RandomIntFn = (maxExclusive) => randomInt(maxExclusive),
  ): Promise<DrawnRosterEntry[]> {
    if (!Number.isInteger(count) || count <= 0) return [];
    // A stable order, so that a given sequence of random numbers always draws the same entries.
    const candidates: Array<{ id: string; client_domain: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id, client_domain FROM roster_entries WHERE vendor_id = $1 ORDER BY id`, [vendorId]);
    // With a client named, only that client's engagements: a contact of another client was not on
    // the project and must not answer for it (when the client has none left, nothing is drawn).
    const matches = (domain: string) => !!clientDomain && (domainMatches(domain, clientDomain) || domainMatches(clientDomain, domain));
    const preferred = candidates.filter((c) => !clientDomain || matches(c.client_domain)).map((c) => c.id);
    const picked = drawWithoutReplacement(preferred, count, rng);
    if (picked.length === 0) return [];

    const rows: RosterRow[] = await this.tx.manager(ctx).query(`SELECT ${COLUMNS} FROM roster_entries WHERE id = ANY($1::uuid[])`, [picked]);
    const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
    const preferredIds = new Set(clientDomain ? preferred : []);
    return picked.flatMap((id) => {
      const record = byId.get(id);
      return record ? [{ ...record, matchesClientDomain: preferredIds.has(id) }] : [];
    });
  }
}

/** The first `n` positions of a Fisher–Yates shuffle: every n-subset (and order) equally likely. */
function drawWithoutReplacement<T>(items: readonly T[], n: number, rng: RandomIntFn): T[] {
  const pool = [...items];
  const take = Math.max(0, Math.min(n, pool.length));
  for (let i = 0; i < take; i++) {
    const j = i + rng(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}
