import { graphql } from '../../../gql';

/** Proof that the log of `to` entries extends the log of `from` entries (both signed sizes). */
export const ledgerConsistencyProofQuery = graphql(`
  query LedgerConsistencyProof($from: Int!, $to: Int!) {
    ledgerConsistencyProof(from: $from, to: $to) {
      fromSize
      toSize
      proof
    }
  }
`);
