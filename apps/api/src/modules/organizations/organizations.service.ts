import { nameConfusableKey } from '@assay/domain';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { fieldRules, parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { hashToken, newToken } from '../../common/tokens';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { MailService } from '../mail/mail.service';
import type { MembershipObject } from './graphql/membership.object';
import type { OrganizationDetailsObject, OrganizationObject } from './graphql/organization.object';
import { MembershipRoleGql, OrganizationKindGql } from './graphql/organization.object';
import { OrganizationEntity } from './entities/organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { MEMBERSHIP_JOINED_HOOK, type MembershipJoinedHook } from './membership-joined.hook';

const INVITATION_TTL_DAYS = 14;

const createSchema = z.object({
  name: fieldRules.name('the organization name', 120),
  kind: z.enum(['vendor', 'buyer'], { error: 'Choose whether this is a consultancy (vendor) or a company hiring one (buyer).' }),
  website: fieldRules.url.nullish(),
});
const inviteSchema = z.object({
  organizationId: z.uuid({ error: 'This organization does not exist.' }),
  email: fieldRules.email,
  role: z.enum(['owner', 'member'], { error: 'Choose owner or member.' }),
});

/** URL-safe slug from a name: lower case, ASCII letters and digits joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'organization';
}

export function toOrganizationObject(o: OrganizationEntity): OrganizationObject {
  return { id: o.id, kind: o.kind as OrganizationKindGql, name: o.name, slug: o.slug, website: o.website, createdAt: o.createdAt };
}

@Injectable()
export class OrganizationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly organizations: OrganizationsRepository,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    @Optional() @Inject(MEMBERSHIP_JOINED_HOOK) private readonly membershipJoined: MembershipJoinedHook | null,
  ) {}

  /** The user with memberships, as `me` returns it. */
  /** The caller's memberships (the `User.memberships` field). */
  async membershipsOf(ctx: RequestContext, userId: string): Promise<MembershipObject[]> {
    const memberships = await this.organizations.membershipsOfUser(ctx, userId);
    return memberships.map((m) => ({ role: m.role as MembershipRoleGql, organization: toOrganizationObject(m.organization) }));
  }


  /** Creates an organization with the caller as its owner (and an empty vendor profile for vendors). */
  async create(ctx: RequestContext, input: unknown): Promise<OrganizationEntity> {
    const user = await authorize(ctx, 'confirmedEmail');
    const data = parseInput(createSchema, input);
    const nameKey = nameConfusableKey(data.name);
    return this.tx.run(ctx, async (tx) => {
      // Serialise creations with the same confusable name, so two at once cannot both pass the check.
      await this.tx.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('organization-name:' || $1))`, [nameKey]);
      const lookAlike = await this.organizations.findByNameKey(tx, nameKey);
      if (lookAlike) {
        throw conflict(
          `An organisation named “${lookAlike.name}” is already on Assay, and a new one cannot use a name that looks the same. If you belong to it, ask its owner to invite you; otherwise choose a name that tells them apart.`,
          'ORGANIZATION_NAME_CONFUSABLE',
        );
      }
      const base = slugify(data.name);
      let slug = base;
      for (let n = 2; await this.organizations.slugExists(tx, slug); n++) slug = `${base}-${n}`;
      const org = await this.organizations.insert(tx, { kind: data.kind, name: data.name, nameKey, slug, website: data.website ?? null });
      await this.organizations.addMember(tx, org.id, user.id, 'owner');
      if (data.kind === 'vendor') await this.organizations.insertEmptyVendorProfile(tx, org.id);
      user.memberships.set(org.id, 'owner');
      return org;
    });
  }

  async details(ctx: RequestContext, organizationId: string): Promise<OrganizationDetailsObject> {
    if (!z.uuid().safeParse(organizationId).success) throw notFound('This organization');
    const user = await authorize(ctx, 'orgMember', { organizationId });
    const org = await this.organizations.findById(ctx, organizationId);
    if (!org) throw notFound('This organization');
    const [members, invitations] = await Promise.all([
      this.organizations.members(ctx, organizationId),
      this.organizations.pendingInvitations(ctx, organizationId),
    ]);
    return {
      ...toOrganizationObject(org),
      myRole: user.memberships.get(organizationId) as MembershipRoleGql,
      members: members.map((m) => ({ ...m, role: m.role as MembershipRoleGql })),
      pendingInvitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role as MembershipRoleGql, createdAt: i.createdAt, expiresAt: i.expiresAt, acceptedAt: i.acceptedAt })),
    };
  }

  /** Owners invite by email; the invitee gets a single-use link valid for 14 days. */
  async invite(ctx: RequestContext, input: unknown): Promise<{ id: string; email: string; role: MembershipRoleGql; createdAt: Date; expiresAt: Date; acceptedAt: null }> {
    const data = parseInput(inviteSchema, input);
    const user = await authorize(ctx, 'orgOwner', { organizationId: data.organizationId });
    const org = await this.organizations.findById(ctx, data.organizationId);
    if (!org) throw notFound('This organization');
    return this.tx.run(ctx, async (tx) => {
      const members = await this.organizations.members(tx, org.id);
      if (members.some((m) => m.email === data.email)) throw conflict(`${data.email} is already a member of ${org.name}.`, 'ALREADY_MEMBER');
      if (await this.organizations.hasPendingInvitation(tx, org.id, data.email)) {
        throw conflict(`${data.email} already has a pending invitation to ${org.name}.`, 'ALREADY_INVITED');
      }
      const { token, hash } = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
      const invitation = await this.organizations.insertInvitation(tx, { organizationId: org.id, email: data.email, role: data.role, tokenHash: hash, invitedById: user.id, expiresAt });
      await this.mail.queue(tx, {
        idempotencyKey: `invitation:${invitation.id}`,
        to: data.email,
        subject: `${user.displayName} invited you to ${org.name} on Assay`,
        text: [
          `${user.displayName} invited you to join ${org.name} on Assay as ${data.role === 'owner' ? 'an owner' : 'a member'}.`,
          '',
          `Accept the invitation: ${this.config.publicUrl}/invitations/accept?token=${token}`,
          '',
          `The link works once and expires on ${expiresAt.toUTCString()}. If you did not expect this mail, ignore it.`,
        ].join('\n'),
      });
      return { id: invitation.id, email: invitation.email, role: invitation.role as MembershipRoleGql, createdAt: invitation.createdAt, expiresAt, acceptedAt: null };
    });
  }

  /** The signed-in user accepts an invitation addressed to their email. */
  async acceptInvitation(ctx: RequestContext, token: string): Promise<OrganizationEntity> {
    const user = await authorize(ctx, 'confirmedEmail');
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) {
      throw badInput('This invitation link is not valid. Ask for a new invitation.', [{ field: 'token', message: 'Not a valid invitation link.' }], 'INVALID_TOKEN');
    }
    // Guessing invitation tokens is a secret check: limited per network address.
    await this.rateLimits.check(ctx, 'secretTokenFailures', ctx.ip ?? 'unknown');
    return this.tx.run(ctx, async (tx) => {
      const invitation = await this.organizations.findInvitationForUpdate(tx, hashToken(token));
      if (!invitation) {
        await this.rateLimits.fail(ctx, 'secretTokenFailures', ctx.ip ?? 'unknown');
        throw notFound('This invitation', 'INVALID_TOKEN');
      }
      if (invitation.acceptedAt) throw conflict('This invitation has already been used.', 'TOKEN_USED');
      if (invitation.expiresAt.getTime() < Date.now()) throw badInput('This invitation has expired. Ask for a new one.', [], 'TOKEN_EXPIRED');
      await authorize(tx, 'invitationAddressee', { invitedEmail: invitation.email });
      await this.organizations.addMember(tx, invitation.organizationId, user.id, invitation.role);
      await this.organizations.markInvitationAccepted(tx, invitation.id);
      // A reviewer who joins a vendor gives up the verdicts they recorded on it (re-queued for someone else).
      await this.membershipJoined?.afterJoining(tx, user.id, invitation.organizationId);
      const org = await this.organizations.findById(tx, invitation.organizationId);
      return org!;
    });
  }
}
