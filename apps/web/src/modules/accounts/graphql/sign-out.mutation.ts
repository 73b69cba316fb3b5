import { graphql } from '../../../gql';

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
