import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { PlatformRole, UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionService) {}

  findByEmail(ctx: RequestContext, email: string): Promise<UserEntity | null> {
    return this.tx.repo(ctx, UserEntity).findOneBy({ email });
  }

  findById(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return this.tx.repo(ctx, UserEntity).findOneBy({ id });
  }

  /** Inserts unless the email exists; returns null on a duplicate (no exception, no partial write). */
  async insert(ctx: RequestContext, user: { email: string; displayName: string; passwordHash: string; platformRoles?: PlatformRole[]; emailVerifiedAt?: Date | null }): Promise<UserEntity | null> {
    const result = await this.tx
      .repo(ctx, UserEntity)
      .createQueryBuilder()
      .insert()
      .values({ ...user, platformRoles: user.platformRoles ?? [], emailVerifiedAt: user.emailVerifiedAt ?? null })
      .orIgnore()
      .returning('*')
      .execute();
    const row = result.raw[0] as Record<string, unknown> | undefined;
    if (!row) return null;
    return this.tx.repo(ctx, UserEntity).create({
      id: row.id as string,
      email: row.email as string,
      displayName: row.display_name as string,
      passwordHash: row.password_hash as string,
      platformRoles: row.platform_roles as PlatformRole[],
      emailVerifiedAt: (row.email_verified_at as Date | null) ?? null,
      createdAt: row.created_at as Date,
      updatedAt: row.updated_at as Date,
    });
  }

  async updatePasswordHash(ctx: RequestContext, userId: string, passwordHash: string): Promise<void> {
    await this.tx.repo(ctx, UserEntity).update({ id: userId }, { passwordHash });
  }

  async addPlatformRole(ctx: RequestContext, userId: string, role: PlatformRole): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(`UPDATE users SET platform_roles = array_append(platform_roles, $2) WHERE id = $1 AND NOT ($2 = ANY(platform_roles))`, [userId, role]);
  }
}
