import { graphql } from '../../../gql';

/** The vendor's claimed email domains (members and admins only). */
export const vendorDomainsQuery = graphql(`
  query VendorDomains($vendorId: ID!) {
    vendorDomains(vendorId: $vendorId) {
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
