import { graphql } from '../../../gql';

export const addVendorDomainMutation = graphql(`
  mutation AddVendorDomain($input: AddVendorDomainInput!) {
    addVendorDomain(input: $input) {
      id
      domain
      verificationEmail
      status
      createdAt
      verifiedAt
      linkExpiresAt
    }
  }
`);
