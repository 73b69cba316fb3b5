import { Inject, Injectable } from '@nestjs/common';
import { isFreeMailDomain, normalizeEmail } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService } from '../../database/transaction.service';
import { isUniqueViolation } from '../../database/unique-violation';
import { hashToken, newToken } from '../../common/tokens';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { MailService } from '../mail/mail.service';
import type { VendorDomainEntity } from './entities/vendor-domain.entity';
import { VendorDomainObject, VendorDomainStatusGql, VendorDomainVerificationObject } from './graphql/vendor-domain.object';
import { VendorAccessPolicy } from './vendor-access';
import { VendorDomainsRepository } from './vendor-domains.repository';
import { VendorsRepository } from './vendors.repository';

export const DOMAIN_LINK_TTL_DAYS = 7;
export const MAX_DOMAINS_PER_VENDOR = 20;
const VERIFIED_DOMAIN_INDEX = 'uq_vendor_domains_verified_domain';

const emailRule = z.string({ error: 'Enter an email address at the domain.' }).transform((value, ctx) => {
  const result = normalizeEmail(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.email;
});

const addSchema = z.object({ vendorId: z.uuid({ error: 'This consultancy does not exist.' }), email: emailRule });

export function toVendorDomainObject(d: VendorDomainEntity, now = new Date()): VendorDomainObject {
  const status = d.verifiedAt
    ? VendorDomainStatusGql.verified
    : d.tokenExpiresAt && d.tokenExpiresAt.getTime() > now.getTime()
      ? VendorDomainStatusGql.pending
      : VendorDomainStatusGql.expired;
  return {
    id: d.id,
    domain: d.domain,
    verificationEmail: d.verificationEmail,
    status,
    createdAt: d.createdAt,
    verifiedAt: d.verifiedAt,
    linkExpiresAt: d.verifiedAt ? null : d.tokenExpiresAt,
  };
}

const claimedElsewhere = (domain: string) =>
  conflict(`${domain} is already verified by another consultancy on Assay. If it is yours, contact Assay support.`, 'DOMAIN_CLAIMED');

/**
 * Domain ownership: a vendor proves an email domain by clicking a link mailed to
 * an address there. Only verified domains count as the vendor's own, which is
 * what the self-reference rule checks references against.
 */
@Injectable()
export class VendorDomainsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly domains: VendorDomainsRepository,
    private readonly vendors: VendorsRepository,
    private readonly access: VendorAccessPolicy,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** The vendor's claimed domains; its members and admins only. */
  async list(ctx: RequestContext, vendorId: string): Promise<VendorDomainObject[]> {
    await this.access.requireReader(ctx, vendorId);
    const now = new Date();
    return (await this.domains.listForVendor(ctx, vendorId)).map((d) => toVendorDomainObject(d, now));
  }

  /**
   * Claims the domain of `email` for the vendor and mails a single-use link, valid
   * for 7 days, to that address. Claiming a pending domain again sends a new link.
   */
  async add(ctx: RequestContext, input: unknown): Promise<VendorDomainObject> {
    const vendorId = (input as { vendorId?: unknown } | null)?.vendorId;
    const { user, vendor } = await this.access.requireMember(ctx, typeof vendorId === 'string' ? vendorId : '');
    await authorize(ctx, 'confirmedEmail');
    const data = parseInput(addSchema, input);
    const domain = data.email.slice(data.email.lastIndexOf('@') + 1);
    if (isFreeMailDomain(domain)) {
      throw badInput(
        `${domain} is a free email provider that nobody owns, so it cannot be your consultancy’s domain. Use an address at your company’s own domain.`,
        [{ field: 'email', message: `Use an address at your company’s own domain, not ${domain}.` }],
        'FREE_MAIL_DOMAIN',
      );
    }
    return this.tx.run(ctx, async (tx) => {
      const existing = await this.domains.findForVendor(tx, vendor.id, domain);
      if (existing?.verifiedAt) throw conflict(`${domain} is already verified for ${vendor.name}.`, 'ALREADY_VERIFIED');
      if (await this.domains.verifiedByAnotherVendor(tx, vendor.id, domain)) throw claimedElsewhere(domain);
      if (!existing && (await this.domains.countForVendor(tx, vendor.id)) >= MAX_DOMAINS_PER_VENDOR) {
        throw badInput(`A consultancy can claim at most ${MAX_DOMAINS_PER_VENDOR} domains. Remove one you no longer need first.`, [], 'TOO_MANY_DOMAINS');
      }
      const { token, hash } = newToken();
      const expiresAt = new Date(Date.now() + DOMAIN_LINK_TTL_DAYS * 86_400_000);
      const claim = await this.domains.upsertPendingClaim(tx, { organizationId: vendor.id, domain, verificationEmail: data.email, tokenHash: hash, tokenExpiresAt: expiresAt });
      if (!claim) throw conflict(`${domain} is already verified for ${vendor.name}.`, 'ALREADY_VERIFIED');
      await this.mail.queue(tx, {
        // One mail per link: a new link for the same domain is a new mail.
        idempotencyKey: `vendor-domain:${claim.id}:${hash.slice(0, 16)}`,
        to: data.email,
        subject: `Confirm that ${vendor.name} uses ${domain} on Assay`,
        text: [
          `${user.displayName} (${user.email}) asked Assay to record ${domain} as an email domain of ${vendor.name}.`,
          '',
          `If ${domain} belongs to ${vendor.name}, confirm it: ${this.config.publicUrl}/vendor-domains/verify?token=${token}`,
          '',
          `The link works once and expires on ${expiresAt.toUTCString()}. If you do not know ${vendor.name}, ignore this mail and nothing will be recorded.`,
        ].join('\n'),
      });
      return toVendorDomainObject(claim);
    });
  }

  /** Completes a claim from the mailed link; no sign-in needed (the link is the proof). */
  async verify(ctx: RequestContext, token: unknown): Promise<VendorDomainVerificationObject> {
    if (typeof token !== 'string' || token.trim().length < 20 || token.trim().length > 200) {
      throw badInput('This verification link is not valid. Open the link from the email again.', [{ field: 'token', message: 'Not a valid verification link.' }], 'INVALID_TOKEN');
    }
    // Guessing verification links is a secret check: limited per network address.
    await this.rateLimits.check(ctx, 'secretTokenFailures', ctx.ip ?? 'unknown');
    let domain = '';
    try {
      return await this.tx.run(ctx, async (tx) => {
        const claim = await this.domains.findByTokenHashForUpdate(tx, hashToken(token.trim()));
        if (!claim) {
          await this.rateLimits.fail(ctx, 'secretTokenFailures', ctx.ip ?? 'unknown');
          throw notFound('This verification link', 'INVALID_TOKEN');
        }
        domain = claim.domain;
        if (claim.verifiedAt) throw conflict(`This link has already been used: ${claim.domain} is verified.`, 'TOKEN_USED');
        if (!claim.tokenExpiresAt || claim.tokenExpiresAt.getTime() < Date.now()) {
          throw badInput(`This verification link has expired. Add ${claim.domain} again on your vendor dashboard to get a new link.`, [], 'TOKEN_EXPIRED');
        }
        if (await this.domains.verifiedByAnotherVendor(tx, claim.organizationId, claim.domain)) throw claimedElsewhere(claim.domain);
        const vendor = await this.vendors.findVendor(tx, claim.organizationId);
        if (!vendor) throw notFound('This consultancy');
        const verifiedAt = new Date();
        await this.domains.markVerified(tx, claim.id, verifiedAt);
        return { domain: claim.domain, vendorId: vendor.id, vendorName: vendor.name, verifiedAt };
      });
    } catch (error) {
      // Two vendors confirming the same domain at the same moment: the index lets one win.
      if (isUniqueViolation(error, VERIFIED_DOMAIN_INDEX)) throw claimedElsewhere(domain);
      throw error;
    }
  }

  /**
   * Members remove a domain that is not verified (yet). A verified domain stays on
   * record: otherwise a vendor could drop it to slip references from its own staff
   * past the self-reference rule. Admins may remove any domain.
   */
  async remove(ctx: RequestContext, id: unknown): Promise<string> {
    await authorize(ctx, 'signedIn');
    if (typeof id !== 'string' || !z.uuid().safeParse(id).success) throw notFound('This domain');
    const claim = await this.domains.findById(ctx, id);
    if (!claim) throw notFound('This domain');
    await authorize(ctx, 'removableVendorDomain', { vendorId: claim.organizationId, domain: claim.domain, verified: !!claim.verifiedAt });
    await this.tx.run(ctx, (tx) => this.domains.delete(tx, claim.id));
    return claim.id;
  }
}
