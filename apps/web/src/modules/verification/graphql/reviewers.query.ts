import { graphql } from '../../../gql';

/** Admins: accredited reviewers with their affiliations, declared expertise and spot-check record. */
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
      expertise
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
