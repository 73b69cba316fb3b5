import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  platformRoles: string[];
  /** The account proved it holds its email address. */
  emailVerified: boolean;
  sessionId: string;
  /** organizationId → role, loaded with the session so authorization needs no extra query. */
  memberships: Map<string, 'owner' | 'member'>;
}

/**
 * Everything a service needs to know about who is asking and inside which
 * transaction. Every service method takes it first (Vendure's habit).
 */
export class RequestContext {
  private userPromise?: Promise<AuthenticatedUser | null>;

  constructor(
    readonly req: Request | undefined,
    readonly res: Response | undefined,
    private readonly resolveUser: () => Promise<AuthenticatedUser | null>,
    /** Set inside a transaction; repositories use it when present. */
    readonly manager?: EntityManager,
    /** Per-request caches (DataLoaders and the like), keyed by feature. */
    readonly loaders: Map<string, unknown> = new Map(),
  ) {}

  /** The signed-in user, loaded once per request. */
  user(): Promise<AuthenticatedUser | null> {
    this.userPromise ??= this.resolveUser();
    return this.userPromise;
  }

  /** A copy bound to a transaction's entity manager, sharing the user and loaders. */
  withManager(manager: EntityManager): RequestContext {
    const ctx = new RequestContext(this.req, this.res, () => this.user(), manager, this.loaders);
    return ctx;
  }

  /** A context for jobs, CLIs and the seed: no request, acting as `user` (or nobody). */
  static system(user: AuthenticatedUser | null = null, manager?: EntityManager): RequestContext {
    return new RequestContext(undefined, undefined, async () => user, manager);
  }

  get ip(): string | undefined {
    return this.req?.ip;
  }
}
