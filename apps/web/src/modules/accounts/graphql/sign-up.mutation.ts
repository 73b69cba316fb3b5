import { graphql } from '../../../gql';

/** Sign-up answers with what happens next; the emailed link (verify-email) signs the account in. */
export const signUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      message
    }
  }
`);
