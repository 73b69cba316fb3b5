import { graphql } from '../../../gql';

/** What the reference sees behind the emailed link; refused for used, expired and unknown links. */
export const referenceQuestionnaireQuery = graphql(`
  query ReferenceQuestionnaire($token: String!) {
    referenceQuestionnaire(token: $token) {
      contactName
      vendorName
      caseStudyTitle
      clientName
      problem
      expiresAt
      outcomes {
        id
        metricName
        unit
        direction
        baselineValue
        claimedValue
      }
    }
  }
`);
