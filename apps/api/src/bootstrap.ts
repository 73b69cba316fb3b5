import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { GraphQLExceptionPassthrough } from './common/graphql-exception-filter';
import type { AppConfig } from './config/config';
import { JobsService } from './modules/jobs/jobs.service';

/** Paths the API owns; every other GET serves the web app (client-side routing). */
const API_PATHS = /^\/(graphql|health|ledger|api|evidence)(\/|$|\?)/;

/**
 * Builds the HTTP application (API + web) without listening: `main.ts` and the
 * e2e tests share it, so tests exercise exactly what production runs.
 */
export async function createApp(config: AppConfig, databaseUrl: string, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) {
    app.useLogger(app.get(Logger));
    // Nest flushes buffered logs on listen(); a worker never listens, so it would log nothing at all.
    app.flushLogs();
  }
  // TRUST_PROXY: which hops are proxies whose X-Forwarded-For names the client (rate limits, logs).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.useGlobalFilters(new GraphQLExceptionPassthrough(app.getHttpAdapter()));
  app.use(cookieParser());
  // 2 MB: a roster CSV of up to 1 MB still fits once wrapped in a GraphQL request.
  app.use(express.json({ limit: '2mb' }));
  serveWebApp(app, config.webDistDir);
  await app.init();
  return app;
}

/** Starts the job runner: always able to enqueue; works jobs unless this process is API-only. */
export async function startJobs(app: INestApplication, config: AppConfig): Promise<void> {
  const jobs = app.get(JobsService);
  await jobs.ensureStarted();
  if (config.role !== 'api') await jobs.startWorkers();
}

function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const index = path.join(webDistDir, 'index.html');
  app.use('/assets', express.static(path.join(webDistDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(webDistDir, { index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path)) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built yet. Run `npm run build:web` (npm start does this for you).');
      return;
    }
    res.sendFile(index);
  });
}
