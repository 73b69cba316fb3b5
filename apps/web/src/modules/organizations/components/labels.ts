import type { MembershipRole, OrganizationKind } from '../../../gql/graphql';

export const KIND_LABELS: Record<OrganizationKind, string> = {
  vendor: 'Consultancy',
  buyer: 'Buyer',
};

export const ROLE_LABELS: Record<MembershipRole, string> = {
  owner: 'Owner',
  member: 'Member',
};
