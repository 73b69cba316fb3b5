import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AccountsResolver } from './modules/accounts/accounts.resolver';
import { CaseStudiesResolver } from './modules/case-studies/case-studies.resolver';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { MailResolver } from './modules/mail/mail.resolver';
import { OrganizationsResolver } from './modules/organizations/organizations.resolver';
import { VendorsResolver } from './modules/vendors/vendors.resolver';
import { VerificationResolver } from './modules/verification/verification.resolver';
import { AnonymityFlagsResolver } from './modules/verification/anonymity-flags.resolver';
import { DisputesResolver } from './modules/disputes/disputes.resolver';
import { FollowUpsResolver } from './modules/follow-ups/follow-ups.resolver';
import { ReferencesResolver } from './modules/references/references.resolver';
import { SubmissionsResolver } from './modules/submissions/submissions.resolver';
import { UserMembershipsResolver } from './modules/organizations/user-memberships.resolver';
import { SignalsResolver, VendorSignalsFieldResolver } from './modules/signals/signals.resolver';
import { VendorDomainsResolver } from './modules/vendors/vendor-domains.resolver';
import { RosterResolver } from './modules/vendors/roster.resolver';
import { LedgerResolver } from './modules/ledger/ledger.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { ShortlistItemResolver, ShortlistsResolver } from './modules/shortlists/shortlists.resolver';
import { SignalHistoryResolver } from './modules/signals/history/signal-history.resolver';
import { ClientConfirmationsResolver } from './modules/client-confirmations/client-confirmations.resolver';

/** Every resolver class the API serves; the schema file and its freshness test read this list. */
export const RESOLVERS = [AccountsResolver, OrganizationsResolver, UserMembershipsResolver, ReferencesResolver, SubmissionsResolver, DisputesResolver, FollowUpsResolver, VendorsResolver, VendorDomainsResolver, RosterResolver, CaseStudiesResolver, VerificationResolver, AnonymityFlagsResolver, SignalsResolver, VendorSignalsFieldResolver, EvidenceResolver, MailResolver, LedgerResolver, SearchResolver, ShortlistsResolver, ShortlistItemResolver, SignalHistoryResolver, ClientConfirmationsResolver];

/** Prints the code-first schema as SDL, sorted, exactly as committed in schema.graphql. */
export async function printCodeFirstSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const factory = app.get(GraphQLSchemaFactory);
  const schema = await factory.create(RESOLVERS);
  await app.close();
  return `# Generated from the code-first resolvers by \`npm run schema:write\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
