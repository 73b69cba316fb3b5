import { graphql } from '../../../gql';

/** A reference request as the vendor sees it (contacts drawn from the roster come without name or email). */
export const referenceDetailFragment = graphql(`
  fragment ReferenceDetail on ReferenceRequest {
    id
    source
    contactName
    contactEmail
    contactRole
    clientName
    identityStrength
    identityFlags
    identityReason
    status
    createdAt
    sentAt
    answeredAt
  }
`);
