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

  /**
   * The one place a statement may leave the primary: buyer-side reads (search, compare,
   * a vendor's public page) run `work` on a read replica when DATABASE_READ_URLS is set,
   * on a connection taken for this call and returned after it. They stay on the primary
   * inside a transaction, without replicas, and when the viewer is a member of an
   * organization in `ownerOf` — replicas lag, and members must see their own writes.
   */
  async read<T>(ctx: RequestContext, work: (manager: EntityManager) => Promise<T>, options: { ownerOf?: readonly string[] } = {}): Promise<T> {
    if (ctx.manager || !this.dataSource.driver.isReplicated) return work(this.manager(ctx));
    if (options.ownerOf?.length) {
      const user = await ctx.user();
      if (user && options.ownerOf.some((id) => user.memberships.has(id))) return work(this.manager(ctx));
    }
    const replica = this.dataSource.createQueryRunner('slave');
    try {
      return await work(replica.manager);
    } finally {
      await replica.release();
    }
  }
}
