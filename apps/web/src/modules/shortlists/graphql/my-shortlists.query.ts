import { graphql } from '../../../gql';

export const myShortlistsQuery = graphql(`
  query MyShortlists {
    myShortlists {
      id
      name
      organizationId
      organizationName
      createdAt
      items {
        id
        vendorId
        note
        addedAt
        changedSinceDigest
        vendor {
          id
          name
          signals { assay { mean lower upper } flags { kind severity sentence effect } }
        }
      }
    }
  }
`);
