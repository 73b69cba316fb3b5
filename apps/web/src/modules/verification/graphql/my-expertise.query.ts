import { graphql } from '../../../gql';

/** The signed-in reviewer's declared expertise (capability keys). */
export const myExpertiseQuery = graphql(`
  query MyExpertise {
    myExpertise
  }
`);
