import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

/** Liveness and database readiness for load balancers and operators. */
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

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
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'unhealthy',
      live: true,
      database: { ready, latencyMs: Date.now() - started, ...(error ? { error } : {}) },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    });
  }
}
