import { graphql } from '../../../gql';

export const verifyVendorDomainMutation = graphql(`
  mutation VerifyVendorDomain($input: VerifyVendorDomainInput!) {
    verifyVendorDomain(input: $input) {
      domain
      vendorId
      vendorName
      verifiedAt
    }
  }
`);
