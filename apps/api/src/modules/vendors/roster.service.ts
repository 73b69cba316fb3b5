import { Injectable } from '@nestjs/common';
import { rosterEntryKey } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, notFound, type FieldError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import type { RosterEntryConnectionObject, RosterEntryObject, RosterImportResultObject } from './graphql/roster.object';
import { MAX_REPORTED_ROW_ERRORS, parseRosterCsv, type RosterRowError } from './roster-csv';
import { RosterEntryRecord, RosterRepository } from './roster.repository';
import { VendorAccessPolicy } from './vendor-access';

/** More than any real consultancy's client list; keeps random draws cheap. */
export const MAX_ROSTER_ENTRIES = 20_000;

/**
 * A row problem as it leaves the API in `extensions.fields`: `field` is
 * `rows[<row>].<column>` (or `rows[<row>]`), with the row numbered as in the file
 * (the header is row 1); `row` and `column` say the same for programs.
 */
export interface RosterFieldError extends FieldError {
  row: number;
  column: string | null;
}

const importSchema = z.object({
  vendorId: z.uuid({ error: 'This consultancy does not exist.' }),
  csv: z.string({ error: 'Paste the CSV text or choose a .csv file.' }),
});

const pageSchema = z.object({
  first: z.number().int().min(1, 'Ask for at least 1 entry.').max(200, 'Ask for at most 200 entries at a time.'),
  after: z.string().max(500).nullish(),
});

function toFieldError(e: RosterRowError): RosterFieldError {
  return { field: e.column ? `rows[${e.row}].${e.column}` : `rows[${e.row}]`, message: e.message, row: e.row, column: e.column };
}

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

export function toRosterEntryObject(r: RosterEntryRecord): RosterEntryObject {
  return {
    id: r.id,
    clientName: r.clientName,
    clientDomain: r.clientDomain,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    projectStartedOn: r.projectStartedOn,
    projectEndedOn: r.projectEndedOn,
    createdAt: r.createdAt,
  };
}

/**
 * The client roster: a vendor discloses its engagements, and Assay draws
 * references from it at random. Only the vendor's members (and admins, to read)
 * ever see it; buyers never do.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly tx: TransactionService,
    private readonly roster: RosterRepository,
    private readonly access: VendorAccessPolicy,
  ) {}

  async page(ctx: RequestContext, vendorId: string, input: { first: number; after?: string | null }): Promise<RosterEntryConnectionObject> {
    await this.access.requireReader(ctx, vendorId);
    const args = parseInput(pageSchema, input);
    const { rows, total } = await this.roster.page(ctx, vendorId, { first: args.first, after: args.after ? decodeCursor(args.after) : undefined });
    const page = rows.slice(0, args.first);
    const last = page[page.length - 1];
    const hasNextPage = rows.length > args.first;
    return {
      nodes: page.map(toRosterEntryObject),
      hasNextPage,
      endCursor: last && hasNextPage ? encodeCursor(last.clientName, last.id) : null,
      totalCount: total,
    };
  }

  /**
   * Imports every row of the CSV in one transaction, or none: any bad row (or a
   * duplicate of an engagement already on the roster) refuses the whole file with
   * a row-by-row report in `extensions.fields`.
   */
  async import(ctx: RequestContext, input: unknown): Promise<RosterImportResultObject> {
    const vendorId = (input as { vendorId?: unknown } | null)?.vendorId;
    const { vendor } = await this.access.requireMember(ctx, typeof vendorId === 'string' ? vendorId : '');
    const data = parseInput(importSchema, input);
    const parsed = parseRosterCsv(data.csv, new Date());
    if (!parsed.ok) throw badInput(withOverflowNote(parsed.message, parsed.errors.length), reported(parsed.errors), parsed.reason);

    return this.tx.run(ctx, async (tx) => {
      await this.roster.lockVendorRoster(tx, vendor.id);
      const existing = new Set((await this.roster.identities(tx, vendor.id)).map(rosterEntryKey));
      const duplicates: RosterRowError[] = parsed.entries
        .filter((e) => existing.has(rosterEntryKey(e)))
        .map((e) => ({ row: e.row, column: 'contact_email', message: 'This engagement (same client, contact and start date) is already on your roster.' }));
      if (duplicates.length > 0) {
        const n = duplicates.length;
        throw badInput(
          withOverflowNote(`Nothing was imported: ${n === 1 ? '1 row is' : `${n} rows are`} already on your roster. Remove ${n === 1 ? 'it' : 'them'} from the file and import it again.`, n),
          reported(duplicates),
          'ROSTER_CSV_ROWS_INVALID',
        );
      }
      const total = existing.size + parsed.entries.length;
      if (total > MAX_ROSTER_ENTRIES) {
        throw badInput(`A roster holds at most ${MAX_ROSTER_ENTRIES.toLocaleString('en-GB')} engagements; this file would bring yours to ${total.toLocaleString('en-GB')}.`, [], 'ROSTER_FULL');
      }
      await this.roster.insertMany(
        tx,
        vendor.id,
        parsed.entries.map(({ row: _row, ...entry }) => entry),
      );
      return { imported: parsed.entries.length, totalEntries: total };
    });
  }

  /** Members remove an engagement from their roster. */
  async remove(ctx: RequestContext, id: unknown): Promise<string> {
    await authorize(ctx, 'signedIn');
    if (typeof id !== 'string' || !z.uuid().safeParse(id).success) throw notFound('This roster entry');
    const entry = await this.roster.findById(ctx, id);
    if (!entry) throw notFound('This roster entry');
    await this.access.requireMember(ctx, entry.vendorId);
    await this.tx.run(ctx, (tx) => this.roster.delete(tx, entry.id));
    return entry.id;
  }
}

function reported(errors: RosterRowError[]): RosterFieldError[] {
  return errors.slice(0, MAX_REPORTED_ROW_ERRORS).map(toFieldError);
}

function withOverflowNote(message: string, count: number): string {
  return count > MAX_REPORTED_ROW_ERRORS ? `${message} The first ${MAX_REPORTED_ROW_ERRORS} of ${count} problems are listed.` : message;
}
