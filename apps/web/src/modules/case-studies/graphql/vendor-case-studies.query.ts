import { graphql } from '../../../gql';

/** The consultancy's current case studies (the latest revision of each); members also see drafts. */
export const vendorCaseStudiesQuery = graphql(`
  query VendorCaseStudies($vendorId: ID!) {
    vendorCaseStudies(vendorId: $vendorId) {
      id
      title
      status
      revision
      submittedAt
      createdAt
      editable
      # The same client fields as CaseStudyDetail: the client object has no id, so
      # differing selections would overwrite each other in the cache.
      client {
        displayName
        anonymised
        name
        domain
      }
      outcomes {
        id
      }
    }
  }
`);
