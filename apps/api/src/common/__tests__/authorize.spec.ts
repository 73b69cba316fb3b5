import { allows, authorize } from '../authz/authorize';
import { DomainError } from '../errors';
import { type AuthenticatedUser, RequestContext } from '../request-context';

const ORG = '11111111-1111-4111-8111-111111111111';
const member: AuthenticatedUser = {
  id: 'u1',
  email: 'ana@delta.example',
  displayName: 'Ana',
  platformRoles: [],
  emailVerified: true,
  sessionId: 's1',
  memberships: new Map([[ORG, 'member']]),
};

async function refusal(work: Promise<unknown>): Promise<Pick<DomainError, 'code' | 'reason' | 'message'>> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('authorize', () => {
  it('returns the caller when the rule passes', async () => {
    await expect(authorize(RequestContext.system(member), 'orgMember', { organizationId: ORG })).resolves.toBe(member);
    await expect(allows(RequestContext.system(member), 'orgOwner', { organizationId: ORG })).resolves.toBe(false);
  });

  it('throws the rule’s refusal as a DomainError with today’s code, reason and sentence', async () => {
    expect(await refusal(authorize(RequestContext.system(member), 'orgOwner', { organizationId: ORG }))).toEqual({ code: 'FORBIDDEN', reason: 'OWNER_ONLY', message: 'Only an owner of this organization can do that.' });
    expect(await refusal(authorize(RequestContext.system(null), 'vendorMember', { vendorId: ORG }))).toEqual({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: 'Please sign in to continue.' });
    expect(await refusal(authorize(RequestContext.system(null), 'publishedOrMine', { vendorId: ORG, status: 'draft' }))).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND', message: 'This case study was not found.' });
  });

  it('lets a signed-out caller through a rule marked anonymous, as null', async () => {
    await expect(authorize(RequestContext.system(null), 'publishedOrMine', { vendorId: ORG, status: 'verified' })).resolves.toBeNull();
  });
});
