import { graphql } from '../../../gql';

/** Admins: accredited reviewers with their affiliations and spot-check record. */
export const reviewersQuery = graphql(`
  query Reviewers {
    reviewers {
      userId
      email
      displayName
      accreditedAt
      revokedAt
      spotChecksAgreed
      spotChecksTotal
      affiliations {
        id
        organizationId
        domain
        note
        declaredAt
      }
    }
  }
`);
