import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { prettyLogStream } from './common/log-format';
import { APP_CONFIG, AppConfig } from './config/config';
import { PolicyGuard } from './common/authz/policy.guard';
import { graphqlErrorFormatter } from './common/format-graphql-error';
import { graphqlHardening } from './common/graphql-limits';
import { inputGuardPlugin } from './common/input-guard';
import { graphqlHttpStatusPlugin } from './common/graphql-http-status';
import { graphqlNoStorePlugins } from './common/graphql-no-store.plugin';
import { RequestContext } from './common/request-context';
import { dataSourceOptions } from './database/data-source';
import { DATABASE_URL } from './database/database.tokens';
import { TransactionService } from './database/transaction.service';
import { AccountsModule } from './modules/accounts/accounts.module';
import { CaseStudiesModule } from './modules/case-studies/case-studies.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { AccountsService } from './modules/accounts/accounts.service';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MailModule } from './modules/mail/mail.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { IdentityModule } from './modules/identity/identity.module';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module';
import { mutationRateLimitPlugin } from './modules/rate-limits/mutation-rate-limit.plugin';
import { RateLimitService } from './modules/rate-limits/rate-limit.service';
import { VendorsModule } from './modules/vendors/vendors.module';
import { SignalsModule } from './modules/signals/signals.module';
import { ClientConfirmationsModule } from './modules/client-confirmations/client-confirmations.module';
import { VerificationModule } from './modules/verification/verification.module';
import { DisputesModule } from './modules/disputes/disputes.module';
import { FollowUpsModule } from './modules/follow-ups/follow-ups.module';
import { ReferencesModule } from './modules/references/references.module';
import { SubmissionsModule } from './modules/submissions/submissions.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { SearchModule } from './modules/search/search.module';
import { ShortlistsModule } from './modules/shortlists/shortlists.module';

/** Feature modules, in one list so the schema writer sees exactly what the app serves. */
export const FEATURE_MODULES = [IdentityModule, AccountsModule, OrganizationsModule, VendorsModule, CaseStudiesModule, ReferencesModule, SubmissionsModule, VerificationModule, DisputesModule, FollowUpsModule, EvidenceModule, MailModule, HealthModule, LedgerModule, SearchModule, ShortlistsModule, ClientConfirmationsModule];

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        TransactionService,
        // Every query and mutation passes its rule in common/authz/policy.ts first.
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
      exports: [APP_CONFIG, DATABASE_URL, TransactionService],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, databaseUrl),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
              autoLogging: { ignore: (req) => req.url === '/health' || !!req.url?.startsWith('/assets/') },
              // The client address as Express derives it under TRUST_PROXY (not the proxy's own address).
              customProps: (req) => ({ service: 'assay-api', clientIp: (req as Request).ip }),
            },
            config.logFormat === 'pretty' ? prettyLogStream() : process.stdout,
          ],
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: databaseUrl, readReplicaUrls: config.readReplicaUrls, poolSize: 10, applicationName: 'assay-api' }),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AccountsService, RateLimitService],
          imports: [AccountsModule],
          useFactory: (accounts: AccountsService, rateLimits: RateLimitService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: config.env !== 'production',
            includeStacktraceInErrorResponses: false,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            stopOnTerminationSignals: false,
            formatError: graphqlErrorFormatter(config.env),
            // Depth, cost, alias, directive and token limits, no field suggestions in production, the string checks, the mutation rate limit, and no-store caching.
            ...graphqlHardening(config.env, inputGuardPlugin, mutationRateLimitPlugin(rateLimits), graphqlHttpStatusPlugin, ...graphqlNoStorePlugins()),
            context: ({ req, res }: { req: Request; res: Response }) => {
              const ctx: RequestContext = new RequestContext(req, res, () => accounts.userForRequest(ctx));
              return { ctx };
            },
          }),
        }),
        JobsModule,
        SignalsModule,
        RateLimitsModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
