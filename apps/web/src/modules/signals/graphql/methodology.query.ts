import { graphql } from '../../../gql';

/** Everything the public methodology page shows; the page renders nothing else. */
export const methodologyQuery = graphql(`
  query Methodology {
    methodology {
      version
      title
      summary
      sections {
        id
        title
        paragraphs
      }
      signals {
        key
        name
        question
        scale
        description
        formula
        constants
        improve
      }
      flags {
        kind
        title
        trigger
        severity
        effect
        exampleSentence
      }
      constants {
        path
        value
        numericValue
        meaning
      }
    }
  }
`);
