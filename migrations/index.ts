import { CreateAccountsAndOrganizations1795693927267 } from './1795693927267-CreateAccountsAndOrganizations';
import { CreateRateLimits1795694400000 } from './1795694400000-CreateRateLimits';
import { AddCaseStudiesEvidenceReferences1795696791926 } from './1795696791926-AddCaseStudiesEvidenceReferences';

/** Every migration, in order. The data source reads this list; nothing else changes the schema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
export const MIGRATIONS: Function[] = [CreateAccountsAndOrganizations1795693927267, CreateRateLimits1795694400000, AddCaseStudiesEvidenceReferences1795696791926];
