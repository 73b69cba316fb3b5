import { SessionEntity } from '../modules/accounts/entities/session.entity';
import { UserEntity } from '../modules/accounts/entities/user.entity';
import { MailMessageEntity } from '../modules/mail/entities/mail-message.entity';
import { InvitationEntity } from '../modules/organizations/entities/invitation.entity';
import { MembershipEntity } from '../modules/organizations/entities/membership.entity';
import { OrganizationEntity } from '../modules/organizations/entities/organization.entity';
import { VendorProfileEntity } from '../modules/vendors/entities/vendor-profile.entity';
import { VendorDomainEntity } from '../modules/vendors/entities/vendor-domain.entity';
import { RosterEntryEntity } from '../modules/vendors/entities/roster-entry.entity';
import { CaseStudyEntity } from '../modules/case-studies/entities/case-study.entity';
import { OutcomeClaimEntity } from '../modules/case-studies/entities/outcome-claim.entity';
import { EvidenceItemEntity } from '../modules/evidence/entities/evidence-item.entity';
import { ReferenceRequestEntity } from '../modules/references/entities/reference-request.entity';
import { ReferenceResponseEntity } from '../modules/references/entities/reference-response.entity';
import { ReviewerAffiliationEntity, ReviewerProfileEntity } from '../modules/verification/entities/reviewer.entity';
import { TaskOfferEntity, VerificationTaskEntity } from '../modules/verification/entities/verification-task.entity';
import { VerdictEntity, VerdictOutcomeEntity } from '../modules/verification/entities/verdict.entity';
import { DisputeEntity, VerdictReplyEntity } from '../modules/disputes/entities/dispute.entity';
import { FollowUpCheckEntity } from '../modules/follow-ups/entities/follow-up-check.entity';
import { SignalMarketContextEntity, VendorSignalsEntity } from '../modules/signals/entities/vendor-signals.entity';
import { LedgerEntryEntity } from '../modules/ledger/entities/ledger-entry.entity';
import { LedgerTreeHeadEntity } from '../modules/ledger/entities/ledger-tree-head.entity';
import { VendorSearchEntity, VendorSearchTextEntity } from '../modules/search-index/entities/vendor-search.entity';
import { ShortlistEntity } from '../modules/shortlists/entities/shortlist.entity';
import { ShortlistItemEntity } from '../modules/shortlists/entities/shortlist-item.entity';
import { AnonymityLeakFlagEntity } from '../modules/verification/entities/anonymity-leak-flag.entity';

/** Every persisted entity; the data source and the migration generator read this list. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  VendorProfileEntity,
  MailMessageEntity,
  VendorDomainEntity,
  RosterEntryEntity,
  CaseStudyEntity,
  OutcomeClaimEntity,
  EvidenceItemEntity,
  ReferenceRequestEntity,
  ReferenceResponseEntity,
  ReviewerProfileEntity,
  ReviewerAffiliationEntity,
  VerificationTaskEntity,
  TaskOfferEntity,
  VerdictEntity,
  VerdictOutcomeEntity,
  VerdictReplyEntity,
  DisputeEntity,
  FollowUpCheckEntity,
  VendorSignalsEntity,
  SignalMarketContextEntity,
  LedgerEntryEntity,
  LedgerTreeHeadEntity,
  VendorSearchEntity,
  VendorSearchTextEntity,
  ShortlistEntity,
  ShortlistItemEntity,
  AnonymityLeakFlagEntity,
];
