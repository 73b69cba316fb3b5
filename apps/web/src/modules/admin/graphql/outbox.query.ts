import { graphql } from '../../../gql';

/** Admins only: the development mail outbox, newest first. */
export const outboxQuery = graphql(`
  query Outbox($limit: Int!, $offset: Int!) {
    outbox(limit: $limit, offset: $offset) {
      total
      items {
        id
        to
        subject
        text
        status
        transport
        attempts
        createdAt
        sentAt
      }
    }
  }
`);
