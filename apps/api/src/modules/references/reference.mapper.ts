import type { CaseStudyAccess } from '../case-studies/case-studies.service';
import type { ReferenceRequestEntity } from './entities/reference-request.entity';
import type { ReferenceRequestObject } from './graphql/reference-request.object';
import { IdentityStrengthGql, ReferenceSourceGql, ReferenceStatusGql } from './graphql/reference-request.object';

/** The vendor sees its nominations in full, but not who was drawn from its roster. */
export function toReferenceObject(r: ReferenceRequestEntity, access: CaseStudyAccess): ReferenceRequestObject {
  const hideContact = r.source === 'drawn' && access === 'owner';
  return {
    id: r.id,
    source: r.source as ReferenceSourceGql,
    contactName: hideContact ? null : r.contactName,
    contactEmail: hideContact ? null : r.contactEmail,
    contactRole: r.contactRole,
    clientName: r.clientName,
    identityStrength: r.identityStrength as IdentityStrengthGql,
    identityFlags: r.identityFlags,
    identityReason: r.identityReason,
    status: r.status as ReferenceStatusGql,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
  };
}
