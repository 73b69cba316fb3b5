/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query Outbox($limit: Int!, $offset: Int!) {\n    outbox(limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        to\n        subject\n        text\n        status\n        transport\n        attempts\n        createdAt\n        sentAt\n      }\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n      myRole\n      members {\n        userId\n        displayName\n        email\n        role\n        joinedAt\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  query Taxonomy {\n    taxonomy {\n      capabilities {\n        key\n        label\n      }\n      industries {\n        key\n        label\n      }\n      regions {\n        key\n        label\n      }\n      rateBands {\n        key\n        label\n      }\n    }\n  }\n": typeof types.TaxonomyDocument,
    "\n  query Vendors($first: Int!, $after: String, $text: String, $capability: String) {\n    vendors(first: $first, after: $after, text: $text, capability: $capability) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        id\n        name\n        slug\n        description\n        website\n        capabilities\n        industries\n        regions\n        teamSize\n        rateBand\n      }\n    }\n  }\n": typeof types.VendorsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query Outbox($limit: Int!, $offset: Int!) {\n    outbox(limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        to\n        subject\n        text\n        status\n        transport\n        attempts\n        createdAt\n        sentAt\n      }\n    }\n  }\n": types.OutboxDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n      myRole\n      members {\n        userId\n        displayName\n        email\n        role\n        joinedAt\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": types.OrganizationDocument,
    "\n  query Taxonomy {\n    taxonomy {\n      capabilities {\n        key\n        label\n      }\n      industries {\n        key\n        label\n      }\n      regions {\n        key\n        label\n      }\n      rateBands {\n        key\n        label\n      }\n    }\n  }\n": types.TaxonomyDocument,
    "\n  query Vendors($first: Int!, $after: String, $text: String, $capability: String) {\n    vendors(first: $first, after: $after, text: $text, capability: $capability) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        id\n        name\n        slug\n        description\n        website\n        capabilities\n        industries\n        regions\n        teamSize\n        rateBand\n      }\n    }\n  }\n": types.VendorsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      id\n      email\n      displayName\n      platformRoles\n      memberships {\n        role\n        organization {\n          id\n          name\n          slug\n          kind\n          website\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox($limit: Int!, $offset: Int!) {\n    outbox(limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        to\n        subject\n        text\n        status\n        transport\n        attempts\n        createdAt\n        sentAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Outbox($limit: Int!, $offset: Int!) {\n    outbox(limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        to\n        subject\n        text\n        status\n        transport\n        attempts\n        createdAt\n        sentAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n      myRole\n      members {\n        userId\n        displayName\n        email\n        role\n        joinedAt\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      slug\n      kind\n      website\n      createdAt\n      myRole\n      members {\n        userId\n        displayName\n        email\n        role\n        joinedAt\n      }\n      pendingInvitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Taxonomy {\n    taxonomy {\n      capabilities {\n        key\n        label\n      }\n      industries {\n        key\n        label\n      }\n      regions {\n        key\n        label\n      }\n      rateBands {\n        key\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query Taxonomy {\n    taxonomy {\n      capabilities {\n        key\n        label\n      }\n      industries {\n        key\n        label\n      }\n      regions {\n        key\n        label\n      }\n      rateBands {\n        key\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Vendors($first: Int!, $after: String, $text: String, $capability: String) {\n    vendors(first: $first, after: $after, text: $text, capability: $capability) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        id\n        name\n        slug\n        description\n        website\n        capabilities\n        industries\n        regions\n        teamSize\n        rateBand\n      }\n    }\n  }\n"): (typeof documents)["\n  query Vendors($first: Int!, $after: String, $text: String, $capability: String) {\n    vendors(first: $first, after: $after, text: $text, capability: $capability) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        id\n        name\n        slug\n        description\n        website\n        capabilities\n        industries\n        regions\n        teamSize\n        rateBand\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;