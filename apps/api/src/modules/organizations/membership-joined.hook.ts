import type { RequestContext } from '../../common/request-context';

/**
 * Called in the transaction in which a person joins an organisation. Later modules
 * provide it (identity: a reviewer who joins a vendor gives up the verdicts recorded on
 * it), so organizations need not import them.
 */
export const MEMBERSHIP_JOINED_HOOK = Symbol('MEMBERSHIP_JOINED_HOOK');

export interface MembershipJoinedHook {
  afterJoining(tx: RequestContext, userId: string, organizationId: string): Promise<unknown>;
}
