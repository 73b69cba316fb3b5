import { graphql } from '../../../gql';

export const clientAnswerFragment = graphql(`
  fragment ClientAnswerDetail on ClientAnswer {
    id
    caseStudyId
    answer
    organizationName
    note
    answeredAt
    disputed
    vendorReply
    vendorRepliedAt
  }
`);

export const organizationDomainFragment = graphql(`
  fragment OrganizationDomainDetail on OrganizationDomain {
    id
    domain
    method
    verified
    verifiedAt
    txtRecordName
    txtRecordValue
  }
`);

/** The client organisation's answer about one case study (public; anonymised clients stay unnamed). */
export const caseStudyClientAnswerQuery = graphql(`
  query CaseStudyClientAnswer($id: ID!) {
    caseStudy(id: $id) {
      id
      clientAnswer {
        ...ClientAnswerDetail
      }
    }
  }
`);

export const clientConfirmationsQuery = graphql(`
  query ClientConfirmations($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      name
      kind
      myRole
    }
    organizationDomains(organizationId: $organizationId) {
      ...OrganizationDomainDetail
    }
    clientCaseStudies(organizationId: $organizationId) {
      caseStudy {
        id
        title
        vendorName
        vendorId
        status
        submittedAt
        client {
          displayName
          domain
        }
        outcomes {
          id
          metricName
          unit
          baselineValue
          claimedValue
        }
      }
      answer {
        ...ClientAnswerDetail
      }
    }
  }
`);

export const proveOrganizationDomainMutation = graphql(`
  mutation ProveOrganizationDomain($input: ProveOrganizationDomainInput!) {
    proveOrganizationDomain(input: $input) {
      ...OrganizationDomainDetail
    }
  }
`);

export const checkOrganizationDomainMutation = graphql(`
  mutation CheckOrganizationDomain($id: ID!) {
    checkOrganizationDomain(id: $id) {
      ...OrganizationDomainDetail
    }
  }
`);

export const answerAsClientMutation = graphql(`
  mutation AnswerAsClient($input: AnswerAsClientInput!) {
    answerAsClient(input: $input) {
      ...ClientAnswerDetail
    }
  }
`);

export const replyToClientAnswerMutation = graphql(`
  mutation ReplyToClientAnswer($input: ReplyToClientAnswerInput!) {
    replyToClientAnswer(input: $input) {
      ...ClientAnswerDetail
    }
  }
`);
