import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import { groupBy, requestLoader } from '../../common/loaders';
import { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { type DigestChangeRow, type ShortlistItemRow, type ShortlistRow, ShortlistsRepository } from './shortlists.repository';

export const SHORTLIST_DIGEST_JOB = 'shortlists.weekly-digest';
export const SHORTLIST_LIMITS = { nameMaxLength: 120, noteMaxLength: 2000, itemsPerList: 50 } as const;

const uuid = (what: string) => z.uuid({ error: `${what} does not exist.` });
const note = z.string().trim().max(SHORTLIST_LIMITS.noteMaxLength, `Keep the note to ${SHORTLIST_LIMITS.noteMaxLength.toLocaleString('en-GB')} characters or fewer.`);

const createSchema = z.object({
  organizationId: uuid('This organization'),
  name: z.string().trim().min(1, 'Give the shortlist a name.').max(SHORTLIST_LIMITS.nameMaxLength, `Keep the name to ${SHORTLIST_LIMITS.nameMaxLength} characters or fewer.`),
});
const addSchema = z.object({ shortlistId: uuid('This shortlist'), vendorId: uuid('This consultancy'), note: note.nullish() });
const noteSchema = z.object({ itemId: uuid('This shortlist entry'), note });

const percent = (x: number | null) => (x === null ? 'none' : `${Math.round(x * 100)}%`);

/** One line of the digest for one changed vendor, in words. */
export function digestLine(row: DigestChangeRow): string {
  const parts: string[] = [];
  if (row.snapshot_assay_lower === null || Math.round(row.snapshot_assay_lower * 100) !== Math.round(row.assay_lower * 100)) {
    parts.push(`Assay lower bound ${percent(row.snapshot_assay_lower)} → ${percent(row.assay_lower)}`);
  }
  if (row.flag_count !== row.snapshot_flag_count) parts.push(`integrity flags ${row.snapshot_flag_count} → ${row.flag_count}`);
  if (parts.length === 0) parts.push('new evidence was recorded; the headline numbers did not move');
  return `- ${row.vendor_name} (on “${row.shortlist_name}”): ${parts.join('; ')}.`;
}

@Injectable()
export class ShortlistsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly shortlists: ShortlistsRepository,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // Mondays 07:00 UTC; pg-boss makes sure one worker runs each tick.
    this.jobs.define<object>({ name: SHORTLIST_DIGEST_JOB, cron: '0 7 * * 1', handler: () => this.sendWeeklyDigests(RequestContext.system()).then(() => undefined) });
  }

  /** The shortlists of every buyer organization the user belongs to. */
  async mine(ctx: RequestContext): Promise<ShortlistRow[]> {
    const user = await authorize(ctx, 'signedIn');
    const orgIds = [...user.memberships.keys()];
    return orgIds.length ? this.shortlists.forOrganizations(ctx, orgIds) : [];
  }

  /** One organization's shortlists (members only). */
  async forOrganization(ctx: RequestContext, organizationId: string): Promise<ShortlistRow[]> {
    if (!z.uuid().safeParse(organizationId).success) throw notFound('This organization');
    await authorize(ctx, 'orgMember', { organizationId });
    return this.shortlists.forOrganizations(ctx, [organizationId]);
  }

  async create(ctx: RequestContext, input: unknown): Promise<ShortlistRow> {
    const data = parseInput(createSchema, input);
    const user = await authorize(ctx, 'orgMember', { organizationId: data.organizationId });
    const kind = await this.shortlists.organizationKind(ctx, data.organizationId);
    if (kind !== 'buyer') throw badInput('Shortlists belong to buyer organizations; choose one of your buyer organizations.', [{ field: 'organizationId', message: 'Not a buyer organization.' }], 'NOT_A_BUYER');
    return this.tx.run(ctx, async (tx) => {
      const created = await this.shortlists.createShortlist(tx, { organizationId: data.organizationId, name: data.name, createdById: user.id });
      return (await this.shortlists.forOrganizations(tx, [data.organizationId])).find((s) => s.id === created.id)!;
    });
  }

  async add(ctx: RequestContext, input: unknown): Promise<ShortlistItemRow> {
    const data = parseInput(addSchema, input);
    const user = await authorize(ctx, 'signedIn');
    const list = await this.shortlists.findShortlist(ctx, data.shortlistId);
    if (!list) throw notFound('This shortlist');
    await authorize(ctx, 'myShortlist', { organizationId: list.organizationId });
    if (!(await this.shortlists.isVendor(ctx, data.vendorId))) throw notFound('This consultancy');
    return this.tx.run(ctx, async (tx) => {
      const items = await this.shortlists.itemsFor(tx, [list.id]);
      if (items.length >= SHORTLIST_LIMITS.itemsPerList) throw conflict(`A shortlist holds at most ${SHORTLIST_LIMITS.itemsPerList} consultancies; start another list.`, 'SHORTLIST_FULL');
      const id = await this.shortlists.addItem(tx, { shortlistId: list.id, vendorId: data.vendorId, note: data.note ?? '', addedById: user.id });
      if (!id) throw conflict('This consultancy is already on that shortlist.', 'ALREADY_SHORTLISTED');
      return (await this.shortlists.itemsFor(tx, [list.id])).find((i) => i.id === id)!;
    });
  }

  async updateNote(ctx: RequestContext, input: unknown): Promise<ShortlistItemRow> {
    const data = parseInput(noteSchema, input);
    const item = await this.shortlists.findItem(ctx, data.itemId);
    if (!item) throw notFound('This shortlist entry');
    await authorize(ctx, 'myShortlist', { organizationId: item.organizationId });
    return this.tx.run(ctx, async (tx) => {
      await this.shortlists.updateNote(tx, item.id, data.note);
      return (await this.shortlists.itemsFor(tx, [item.shortlistId])).find((i) => i.id === item.id)!;
    });
  }

  async remove(ctx: RequestContext, itemId: string): Promise<boolean> {
    if (!z.uuid().safeParse(itemId).success) throw notFound('This shortlist entry');
    const item = await this.shortlists.findItem(ctx, itemId);
    if (!item) throw notFound('This shortlist entry');
    await authorize(ctx, 'myShortlist', { organizationId: item.organizationId });
    await this.tx.run(ctx, (tx) => this.shortlists.removeItem(tx, item.id));
    return true;
  }

  /** Items of a shortlist, batched per request. */
  items(ctx: RequestContext, shortlistId: string): Promise<ShortlistItemRow[]> {
    return requestLoader<string, ShortlistItemRow[]>(ctx, 'shortlists.items', async (ids) => groupBy(ids, await this.shortlists.itemsFor(ctx, ids), (i) => i.shortlistId)).load(shortlistId);
  }

  /**
   * Mails every member of each buyer organization the shortlisted vendors whose
   * signals or flags changed since the last digest, then moves the snapshots on —
   * all in one transaction, so a failure mails nobody and reports it again next time.
   */
  async sendWeeklyDigests(ctx: RequestContext): Promise<number> {
    return this.tx.run(ctx, async (tx) => {
      const changes = await this.shortlists.changedItems(tx);
      if (changes.length === 0) return 0;
      const byOrg = new Map<string, DigestChangeRow[]>();
      for (const c of changes) byOrg.set(c.organization_id, [...(byOrg.get(c.organization_id) ?? []), c]);
      const members = await this.shortlists.membersOf(tx, [...byOrg.keys()]);
      let sent = 0;
      for (const m of members) {
        const rows = byOrg.get(m.organization_id)!;
        const fingerprint = rows.map((r) => `${r.item_id}:${r.inputs_version}`).join(',');
        const queued = await this.mail.queue(tx, {
          idempotencyKey: `shortlist-digest:${m.user_id}:${fingerprint}`,
          to: m.email,
          subject: `Assay: ${rows.length === 1 ? '1 shortlisted consultancy' : `${rows.length} shortlisted consultancies`} changed this week`,
          text: [
            'Hello,',
            '',
            'Since the last digest, the signals of these consultancies on your organization’s shortlists changed:',
            '',
            ...rows.map(digestLine),
            '',
            `See your shortlists: ${this.config.publicUrl}/shortlists`,
            `How signals are computed: ${this.config.publicUrl}/methodology`,
          ].join('\n'),
        });
        if (queued) sent++;
      }
      await this.shortlists.markReported(tx, changes.map((c) => c.item_id));
      return sent;
    });
  }
}
