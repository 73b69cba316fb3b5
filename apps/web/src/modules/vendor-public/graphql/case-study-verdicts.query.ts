import { graphql } from '../../../gql';

export const publicCaseStudyVerdictsQuery = graphql(`
  query PublicCaseStudyVerdicts($caseStudyId: ID!) {
    caseStudyVerdicts(caseStudyId: $caseStudyId) {
      id
      kind
      status
      productionStatus
      handover
      createdAt
      supersededById
      rubric { properBaseline heldOutOrOnlineEvaluation leakageChecked monitoringInProduction }
      replies { id body createdAt }
      disputes { id reason status resolutionNote resolvedAt createdAt }
    }
  }
`);
