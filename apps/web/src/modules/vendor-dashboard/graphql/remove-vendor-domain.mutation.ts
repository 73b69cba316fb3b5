import { graphql } from '../../../gql';

export const removeVendorDomainMutation = graphql(`
  mutation RemoveVendorDomain($input: RemoveVendorDomainInput!) {
    removeVendorDomain(input: $input)
  }
`);
