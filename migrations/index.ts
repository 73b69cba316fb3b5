import { CreateAccountsAndOrganizations1795693927267 } from './1795693927267-CreateAccountsAndOrganizations';
import { CreateRateLimits1795694400000 } from './1795694400000-CreateRateLimits';
import { AddCaseStudiesEvidenceReferences1795696791926 } from './1795696791926-AddCaseStudiesEvidenceReferences';
import { AddVerifiedVendorDomainUniqueness1795696996798 } from './1795696996798-AddVerifiedVendorDomainUniqueness';
import { AddVerification1795697103789 } from './1795697103789-AddVerification';
import { AddEvidenceBlobIndex1795697223804 } from './1795697223804-AddEvidenceBlobIndex';
import { AddVendorSignals1795697469655 } from './1795697469655-AddVendorSignals';
import { AddVerificationLedger1795697581866 } from './1795697581866-AddVerificationLedger';
import { AddBuyerSearchAndShortlists1795698745220 } from './1795698745220-AddBuyerSearchAndShortlists';
import { AddSignalEvidenceIndexes1795705936326 } from './1795705936326-AddSignalEvidenceIndexes';
import { AddEvidenceOutboxAndExplanations1795800000000 } from './1795800000000-AddEvidenceOutboxAndExplanations';
import { AddSignInDevices1796177632539 } from './1796177632539-AddSignInDevices';
import { ReplaceVendorSearchDocuments1796177694860 } from './1796177694860-ReplaceVendorSearchDocuments';
import { AddEvidenceBlobRegistry1796179233061 } from './1796179233061-AddEvidenceBlobRegistry';
import { AddVendorSignalSnapshots1796179915541 } from './1796179915541-AddVendorSignalSnapshots';
import { AddAnonymityLeakFlags1796190835542 } from './1796190835542-AddAnonymityLeakFlags';
import { AddVendorSignalsConcentratedReviewers1796200000000 } from './1796200000000-AddVendorSignalsConcentratedReviewers';
import { AddIdentityProofs1796250000000 } from './1796250000000-AddIdentityProofs';
import { AssignReviewerTasks1796300000000 } from './1796300000000-AssignReviewerTasks';
import { AddReviewerExpertise1796600000000 } from './1796600000000-AddReviewerExpertise';
import { AddVendorSignalsTrend1796500000000 } from './1796500000000-AddVendorSignalsTrend';

/** Every migration, in order. The data source reads this list; nothing else changes the schema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
export const MIGRATIONS: Function[] = [
  CreateAccountsAndOrganizations1795693927267,
  CreateRateLimits1795694400000,
  AddCaseStudiesEvidenceReferences1795696791926,
  AddVerifiedVendorDomainUniqueness1795696996798,
  AddVerification1795697103789,
  AddEvidenceBlobIndex1795697223804,
  AddVendorSignals1795697469655,
  AddVerificationLedger1795697581866,
  AddBuyerSearchAndShortlists1795698745220,
  AddSignalEvidenceIndexes1795705936326,
  AddEvidenceOutboxAndExplanations1795800000000,
  AddSignInDevices1796177632539,
  ReplaceVendorSearchDocuments1796177694860,
  AddEvidenceBlobRegistry1796179233061,
  AddVendorSignalSnapshots1796179915541,
  AddAnonymityLeakFlags1796190835542,
  AddVendorSignalsConcentratedReviewers1796200000000,
  AddIdentityProofs1796250000000,
  AssignReviewerTasks1796300000000,
  AddVendorSignalsTrend1796500000000,
  AddReviewerExpertise1796600000000,
];
