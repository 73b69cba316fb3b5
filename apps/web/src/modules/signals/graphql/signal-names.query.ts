import { graphql } from '../../../gql';

/** Names and questions of the signals, from the methodology (so labels never drift from the code). */
export const signalNamesQuery = graphql(`
  query SignalNames {
    methodology {
      version
      signals {
        key
        name
        question
        scale
      }
    }
  }
`);
