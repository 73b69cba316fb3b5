import type { CaseStudyWithVendor } from './case-studies.repository';
import type { CaseStudyAccess } from './case-studies.service';
import {
  CaseStudyObject,
  CaseStudyStatusGql,
  HandoverGql,
  MeasurementMethodGql,
  OutcomeDirectionGql,
  OutcomeVerificationStatusGql,
  ProductionStatusGql,
  ClientDomainStandingGql,
} from './graphql/case-study.object';

/** Entity → API type, hiding an anonymised client from anyone outside the vendor and admins. */
export function toCaseStudyObject(cs: CaseStudyWithVendor, access: CaseStudyAccess): CaseStudyObject {
  const insider = access !== 'public';
  const hideClient = cs.clientAnonymised && !insider;
  return {
    id: cs.id,
    vendorId: cs.vendorId,
    vendorName: cs.vendorName,
    lineageId: cs.lineageId,
    revision: cs.revision,
    supersedesId: cs.supersedesId,
    supersededAt: cs.supersededAt,
    status: cs.status as CaseStudyStatusGql,
    title: cs.title,
    client: {
      displayName: hideClient ? (cs.clientDescriptor ?? 'An undisclosed client') : cs.clientName,
      anonymised: cs.clientAnonymised,
      name: hideClient ? null : cs.clientName,
      domain: hideClient ? null : cs.clientDomain,
      descriptor: cs.clientDescriptor,
      domainStanding:
        cs.clientDomainStanding == null || cs.clientDomainCheckedAt == null
          ? null
          : {
              standing: cs.clientDomainStanding as ClientDomainStandingGql,
              // An anonymised client's domain stays hidden from buyers, in the reason too.
              reason: hideClient ? (cs.clientDomainReason ?? '').split(cs.clientDomain).join('the client’s domain') : (cs.clientDomainReason ?? ''),
              dnsChecked: cs.clientDomainDnsChecked ?? false,
              checkedAt: cs.clientDomainCheckedAt,
            },
    },
    problem: cs.problem,
    approach: cs.approach,
    startedOn: cs.startedOn,
    endedOn: cs.endedOn,
    teamSize: cs.teamSize,
    stackTags: cs.stackTags,
    productionStatus: cs.productionStatus as ProductionStatusGql,
    productionSince: cs.productionSince,
    retiredOn: cs.retiredOn,
    handover: cs.handover as HandoverGql,
    submittedAt: cs.submittedAt,
    verifiedAt: cs.verifiedAt,
    withdrawnAt: cs.withdrawnAt,
    createdAt: cs.createdAt,
    updatedAt: cs.updatedAt,
    version: cs.version,
    editable: access === 'owner' && cs.status === 'draft',
    viewerAccess: access,
    outcomes: cs.outcomes.map((o) => ({
      id: o.id,
      position: o.position,
      metricName: o.metricName,
      unit: o.unit,
      direction: o.direction as OutcomeDirectionGql,
      baselineValue: o.baselineValue,
      claimedValue: o.claimedValue,
      measuredAt: o.measuredAt,
      measurementMethod: o.measurementMethod as MeasurementMethodGql,
      methodNote: o.methodNote,
      verifiedValue: o.verifiedValue,
      verificationStatus: o.verificationStatus as OutcomeVerificationStatusGql,
    })),
  };
}
