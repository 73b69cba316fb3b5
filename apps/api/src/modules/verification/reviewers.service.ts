import { Injectable } from '@nestjs/common';
import { normalizeDomain } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, forbidden, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { fieldRules, parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { UserEntity } from '../accounts/entities/user.entity';
import { ReviewerAffiliationEntity, ReviewerProfileEntity } from './entities/reviewer.entity';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { CAPABILITIES } from '../vendors/taxonomy';

const affiliationSchema = z
  .object({
    organizationId: z.uuid({ error: 'Choose an organization on Assay.' }).nullish(),
    domain: z
      .string()
      .trim()
      .refine((d) => normalizeDomain(d) !== null, 'Enter a domain such as acme.com.')
      .nullish(),
    note: z.string().trim().max(500, 'At most 500 characters.').default(''),
  })
  .refine((a) => a.organizationId || a.domain, { message: 'Name an organization or an email domain you are affiliated with.', path: ['domain'] });

const capabilityKeys = Object.keys(CAPABILITIES) as [string, ...string[]];
const expertiseSchema = z.object({
  capabilities: z
    .array(z.enum(capabilityKeys, { error: `Choose capabilities from the list (${Object.values(CAPABILITIES).join(', ')}).` }))
    .max(capabilityKeys.length)
    .refine((list) => new Set(list).size === list.length, 'Choose each capability once.'),
});

/** Accreditation of reviewers (admins) and declared affiliations (reviewers themselves). */
@Injectable()
export class ReviewersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly evidenceEvents: EvidenceEventsService,
  ) {}

  /**
   * Accredits an account (named by its id, or by the address it verified). An account
   * that has not verified its address cannot be accredited: whoever typed an address
   * first does not become its reviewer.
   */
  async accredit(ctx: RequestContext, account: { userId?: unknown; email?: unknown }): Promise<UserEntity> {
    const admin = await authorize(ctx, 'admin');
    const byId = account.userId !== undefined && account.userId !== null;
    const userId = byId ? parseInput(z.uuid({ error: 'This account does not exist.' }), account.userId) : null;
    const address = byId ? null : parseInput(fieldRules.email, account.email);
    return this.tx.run(ctx, async (tx) => {
      const user = await this.tx.repo(tx, UserEntity).findOneBy(userId !== null ? { id: userId } : { email: address as string });
      if (!user) throw badInput(`No account ${userId !== null ? 'has this id' : `uses ${address}`}. Ask the reviewer to sign up first.`, [{ field: userId !== null ? 'userId' : 'email', message: 'No such account.' }], 'NO_SUCH_USER');
      if (!user.emailVerifiedAt) {
        throw badInput(
          `${user.email} has not confirmed its email address yet, so it cannot be accredited. Ask the reviewer to open the link Assay mailed them (signing in sends a new one).`,
          [{ field: userId !== null ? 'userId' : 'email', message: 'This account has not confirmed its email address.' }],
          'ACCOUNT_NOT_VERIFIED',
        );
      }
      await this.tx.manager(tx).query(`UPDATE users SET platform_roles = array_append(platform_roles, 'reviewer') WHERE id = $1 AND NOT ('reviewer' = ANY(platform_roles))`, [user.id]);
      await this.tx
        .repo(tx, ReviewerProfileEntity)
        .createQueryBuilder()
        .insert()
        .values({ userId: user.id, accreditedAt: new Date(), accreditedById: admin.id, revokedAt: null })
        .orUpdate(['accredited_at', 'accredited_by_id', 'revoked_at'], ['user_id'])
        .execute();
      return (await this.tx.repo(tx, UserEntity).findOneBy({ id: user.id }))!;
    });
  }

  async revoke(ctx: RequestContext, userId: string): Promise<boolean> {
    await authorize(ctx, 'admin');
    if (!z.uuid().safeParse(userId).success) throw notFound('This reviewer');
    return this.tx.run(ctx, async (tx) => {
      const result = await this.tx.repo(tx, ReviewerProfileEntity).update({ userId }, { revokedAt: new Date() });
      if (!result.affected) throw notFound('This reviewer');
      await this.tx.manager(tx).query(`UPDATE users SET platform_roles = array_remove(platform_roles, 'reviewer') WHERE id = $1`, [userId]);
      await this.tx.manager(tx).query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      return true;
    });
  }

  async list(ctx: RequestContext): Promise<Array<ReviewerProfileEntity & { email: string; displayName: string; affiliations: ReviewerAffiliationEntity[] }>> {
    await authorize(ctx, 'admin');
    const profiles = await this.tx.repo(ctx, ReviewerProfileEntity).find({ relations: { user: true }, order: { accreditedAt: 'DESC' } });
    const affiliations = await this.tx.repo(ctx, ReviewerAffiliationEntity).find();
    return profiles.map((p) => Object.assign(p, { email: p.user!.email, displayName: p.user!.displayName, affiliations: affiliations.filter((a) => a.userId === p.userId) }));
  }

  async declareAffiliation(ctx: RequestContext, input: unknown): Promise<ReviewerAffiliationEntity> {
    const user = await authorize(ctx, 'reviewer');
    const data = parseInput(affiliationSchema, input);
    return this.tx.run(ctx, async (tx) => {
      const repo = this.tx.repo(tx, ReviewerAffiliationEntity);
      const saved = await repo.save(repo.create({ userId: user.id, organizationId: data.organizationId ?? null, domain: data.domain ? normalizeDomain(data.domain) : null, note: data.note }));
      // An affiliation discovered after the fact down-weights the verdicts already given:
      // every vendor this reviewer judged (the drain follows the reviewer to them).
      await this.evidenceEvents.record(tx, { reviewerId: user.id, cause: 'reviewer_affiliation_declared' });
      return saved;
    });
  }

  /**
   * Reviewers: the capabilities they can judge, replacing what they declared before. The draw offers
   * a task to reviewers whose expertise matches the vendor's capabilities first. Declaring it changes
   * no evidence (it steers future offers only), so no signal is refreshed.
   */
  async declareExpertise(ctx: RequestContext, input: unknown): Promise<string[]> {
    const user = await authorize(ctx, 'reviewer');
    const { capabilities } = parseInput(expertiseSchema, input);
    const sorted = [...capabilities].sort();
    return this.tx.run(ctx, async (tx) => {
      const updated = await this.tx.repo(tx, ReviewerProfileEntity).update({ userId: user.id }, { expertise: sorted });
      if (!updated.affected) throw forbidden('Only accredited reviewers declare expertise, and you have no reviewer profile.', 'NOT_A_REVIEWER');
      return sorted;
    });
  }

  /** The caller's declared expertise (empty when they have none or are not a reviewer). */
  async myExpertise(ctx: RequestContext): Promise<string[]> {
    const user = await authorize(ctx, 'signedIn');
    return (await this.tx.repo(ctx, ReviewerProfileEntity).findOneBy({ userId: user.id }))?.expertise ?? [];
  }

  async myAffiliations(ctx: RequestContext): Promise<ReviewerAffiliationEntity[]> {
    const user = await authorize(ctx, 'signedIn');
    return this.tx.repo(ctx, ReviewerAffiliationEntity).find({ where: { userId: user.id }, order: { declaredAt: 'ASC' } });
  }

  affiliationsOf(ctx: RequestContext, userId: string): Promise<ReviewerAffiliationEntity[]> {
    return this.tx.repo(ctx, ReviewerAffiliationEntity).find({ where: { userId } });
  }

  /** A reviewer must be accredited and not revoked to take tasks (an admin without a reviewer profile passes: nothing to revoke). */
  async requireAccredited(ctx: RequestContext): Promise<{ id: string; email: string }> {
    const user = await authorize(ctx, 'reviewer');
    await authorize(ctx, 'confirmedEmail');
    const profile = await this.tx.repo(ctx, ReviewerProfileEntity).findOneBy({ userId: user.id });
    if (profile?.revokedAt) throw badInput('Your accreditation was revoked.', [], 'ACCREDITATION_REVOKED');
    return user;
  }
}
