import { Injectable } from '@nestjs/common';
import { assessReferenceIdentity, contactIdentityKey } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import type { CaseStudyEntity } from '../case-studies/entities/case-study.entity';
import { RosterRepository } from '../vendors/roster.repository';
import { VendorDomainsRepository } from '../vendors/vendor-domains.repository';
import type { ReferenceRequestEntity } from './entities/reference-request.entity';
import { ReferencesRepository } from './references.repository';

/** How many references Assay draws from the roster per submission, and the most a vendor may nominate. */
export const REFERENCE_RULES = { drawnPerSubmission: 2, maxNominatedPerCaseStudy: 5 } as const;

const nominateSchema = z.object({
  caseStudyId: z.uuid({ error: 'This case study does not exist.' }),
  contactName: z.string().trim().min(1, 'Enter the contact\'s name.').max(120, 'At most 120 characters.'),
  contactEmail: z.string().trim().min(3, 'Enter the contact\'s email address.').max(254, 'An email address has at most 254 characters.'),
  contactRole: z.string().trim().max(120, 'At most 120 characters.'),
});

@Injectable()
export class ReferencesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly references: ReferencesRepository,
    private readonly domains: VendorDomainsRepository,
    private readonly roster: RosterRepository,
  ) {}

  /**
   * Records a nominated reference with the identity rule's verdict. A self-reference
   * is kept as `refused` (attempts are an integrity signal) rather than thrown away;
   * a malformed email is bad input and writes nothing.
   */
  async nominate(ctx: RequestContext, input: unknown, lockCaseStudy: (tx: RequestContext, id: string) => Promise<CaseStudyEntity>): Promise<ReferenceRequestEntity> {
    const data = parseInput(nominateSchema, input);
    const user = await authorize(ctx, 'signedIn');
    return this.tx.run(ctx, async (tx) => {
      const cs = await lockCaseStudy(tx, data.caseStudyId);
      if (cs.status !== 'draft') throw conflict('References are nominated while the case study is a draft.', 'CASE_STUDY_NOT_EDITABLE');
      const existing = await this.references.forCaseStudy(tx, cs.id);
      const key = contactIdentityKey(data.contactEmail);
      if (key && existing.some((r) => r.contactKey === key && r.status !== 'refused')) {
        throw conflict('This contact is already a reference for this case study.', 'DUPLICATE_REFERENCE');
      }
      if (existing.filter((r) => r.source === 'nominated' && r.status !== 'refused').length >= REFERENCE_RULES.maxNominatedPerCaseStudy) {
        throw conflict(`A case study can have at most ${REFERENCE_RULES.maxNominatedPerCaseStudy} nominated references.`, 'TOO_MANY_REFERENCES');
      }
      const identity = assessReferenceIdentity({
        contactEmail: data.contactEmail,
        clientDomain: cs.clientDomain,
        vendorId: cs.vendorId,
        vendorVerifiedDomains: await this.domains.verifiedDomains(tx, cs.vendorId),
        vendorIdsAlreadyUsingContact: key ? await this.references.vendorsUsingContact(tx, key) : [],
      });
      if (!identity.email || !key) {
        throw badInput(identity.reason, [{ field: 'contactEmail', message: identity.reason }], identity.code ?? 'REFERENCE_EMAIL_INVALID');
      }
      return this.references.insert(tx, {
        caseStudyId: cs.id,
        vendorId: cs.vendorId,
        source: 'nominated',
        rosterEntryId: null,
        contactName: data.contactName,
        contactEmail: identity.email,
        contactKey: key,
        contactRole: data.contactRole,
        clientName: cs.clientName,
        identityStrength: identity.strength,
        identityFlags: identity.flags,
        identityReason: identity.reason,
        status: identity.refused ? 'refused' : 'pending',
        createdById: user.id,
      });
    });
  }

  /** Removes a nominated reference from a draft (refused attempts stay on record). */
  async remove(ctx: RequestContext, id: string, lockCaseStudy: (tx: RequestContext, id: string) => Promise<CaseStudyEntity>): Promise<boolean> {
    if (!z.uuid().safeParse(id).success) throw notFound('This reference');
    return this.tx.run(ctx, async (tx) => {
      const ref = await this.references.findById(tx, id);
      if (!ref) throw notFound('This reference');
      const cs = await lockCaseStudy(tx, ref.caseStudyId);
      if (cs.status !== 'draft') throw conflict('References can only be removed while the case study is a draft.', 'CASE_STUDY_NOT_EDITABLE');
      if (ref.status === 'refused') throw forbidden('Refused nominations stay on record; they cannot be removed.', 'REFUSED_REFERENCE_KEPT');
      await this.references.remove(tx, id);
      return true;
    });
  }

  /**
   * At submission: draws references from the roster at random and checks that at
   * least one usable reference exists. Runs inside the submission's transaction.
   */
  async prepareForSubmission(tx: RequestContext, cs: CaseStudyEntity): Promise<ReferenceRequestEntity[]> {
    const existing = await this.references.forCaseStudy(tx, cs.id);
    const usedKeys = new Set(existing.map((r) => r.contactKey));
    const verifiedDomains = await this.domains.verifiedDomains(tx, cs.vendorId);
    const drawn: ReferenceRequestEntity[] = [];
    for (const entry of await this.roster.drawRosterEntries(tx, cs.vendorId, cs.clientDomain, REFERENCE_RULES.drawnPerSubmission + existing.length)) {
      if (drawn.length >= REFERENCE_RULES.drawnPerSubmission) break;
      const key = contactIdentityKey(entry.contactEmail);
      if (!key || usedKeys.has(key)) continue;
      usedKeys.add(key);
      const identity = assessReferenceIdentity({
        contactEmail: entry.contactEmail,
        clientDomain: entry.clientDomain,
        vendorId: cs.vendorId,
        vendorVerifiedDomains: verifiedDomains,
        vendorIdsAlreadyUsingContact: await this.references.vendorsUsingContact(tx, key),
      });
      drawn.push(
        await this.references.insert(tx, {
          caseStudyId: cs.id,
          vendorId: cs.vendorId,
          source: 'drawn',
          rosterEntryId: entry.id,
          contactName: entry.contactName,
          contactEmail: identity.email ?? entry.contactEmail,
          contactKey: key,
          contactRole: '',
          clientName: entry.clientName,
          identityStrength: identity.strength,
          identityFlags: identity.flags,
          identityReason: identity.reason,
          status: identity.refused ? 'refused' : 'pending',
          createdById: null,
        }),
      );
    }
    const usable = [...existing, ...drawn].filter((r) => r.status !== 'refused');
    if (usable.length === 0) {
      throw badInput(
        'Nominate at least one client reference (or disclose your client roster so Assay can draw one) before submitting.',
        [{ field: 'references', message: 'At least one usable client reference is needed.' }],
        'NO_REFERENCES',
      );
    }
    return usable;
  }

  forCaseStudies(ctx: RequestContext, ids: readonly string[]): Promise<ReferenceRequestEntity[]> {
    return this.references.forCaseStudies(ctx, ids);
  }
}
