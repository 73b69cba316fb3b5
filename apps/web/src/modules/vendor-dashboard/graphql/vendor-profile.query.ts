import { graphql } from '../../../gql';

/** A vendor's public profile, as the profile editor starts from it. */
export const vendorProfileQuery = graphql(`
  query VendorProfile($vendorId: ID!) {
    vendorProfile(vendorId: $vendorId) {
      id
      name
      website
      description
      capabilities
      industries
      regions
      teamSize
      rateBand
      foundedYear
      updatedAt
    }
  }
`);
