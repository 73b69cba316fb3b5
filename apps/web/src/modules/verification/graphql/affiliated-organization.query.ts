import { graphql } from '../../../gql';

/** The name of an affiliated consultancy (organizations that are not consultancies have no public profile). */
export const affiliatedOrganizationQuery = graphql(`
  query AffiliatedOrganization($vendorId: ID!) {
    vendorProfile(vendorId: $vendorId) {
      id
      name
    }
  }
`);
