import { graphql } from '../../../gql';

/** Selects `CurrentUser`, as `Me` does, so the answer can replace `me` in the cache. */
export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...CurrentUser
    }
  }
`);
