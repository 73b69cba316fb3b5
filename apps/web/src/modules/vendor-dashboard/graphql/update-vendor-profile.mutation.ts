import { graphql } from '../../../gql';

export const updateVendorProfileMutation = graphql(`
  mutation UpdateVendorProfile($input: UpdateVendorProfileInput!) {
    updateVendorProfile(input: $input) {
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
