import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { RequestContext } from '../common/request-context';

/** Transaction-aware data access: one transaction per use case, begun in the service. */
@Injectable()
export class TransactionService {
  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction (or joins the one already open on `ctx`). */
  async run<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.manager?.queryRunner?.isTransactionActive) return work(ctx);
    return this.dataSource.transaction((manager) => work(ctx.withManager(manager)));
  }

  /** The repository of `entity`, inside the context's transaction when there is one. */
  repo<E extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<E>): Repository<E> {
    return this.manager(ctx).getRepository(entity);
  }

  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }
}
