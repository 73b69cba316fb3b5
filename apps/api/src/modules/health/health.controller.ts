import { Controller, Get, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

/** Liveness and database readiness for load balancers and operators. */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private readonly startedAt = Date.now();
  /** When this process first saw the database fail its check; unset while it answers. */
  private outageSince?: number;

  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    let ready = false;
    let error: string | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000)),
      ]);
      ready = true;
    } catch (e) {
      error = e instanceof Error ? e.message : 'unreachable';
    }
    this.logTransition(ready, error);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'unhealthy',
      live: true,
      database: { ready, latencyMs: Date.now() - started, ...(error ? { error } : {}) },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    });
  }

  /**
   * One line when the database stops answering and one when it is back, however
   * often the load balancer polls in between: the pool reconnects by itself, so
   * the operator needs to know when and for how long, not every failed probe.
   */
  private logTransition(ready: boolean, error: string | undefined): void {
    if (!ready && this.outageSince === undefined) {
      this.outageSince = Date.now();
      this.logger.error(`Database unreachable (${error}): /health answers 503 and requests that need the database fail until it is back; the connection pool reconnects by itself.`);
    } else if (ready && this.outageSince !== undefined) {
      const seconds = ((Date.now() - this.outageSince) / 1000).toFixed(1);
      this.outageSince = undefined;
      this.logger.warn(`Database reachable again after ${seconds} s unhealthy: /health answers 200.`);
    }
  }
}
