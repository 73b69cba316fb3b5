import { isObjectRuleName, OBJECT_RULES } from '@assay/domain';
import { checkCaller, describeOperation, OPERATION_POLICY } from '../authz/policy';

describe('OPERATION_POLICY', () => {
  it('names an existing object rule wherever an operation has one', () => {
    const unknown = Object.entries(OPERATION_POLICY)
      .filter(([, rule]) => rule.object !== undefined && !isObjectRuleName(rule.object))
      .map(([operation, rule]) => `${operation}: ${rule.object}`);
    expect(unknown).toEqual([]);
  });

  it('takes the words of an operation’s object rule from the rule itself', () => {
    expect(describeOperation(OPERATION_POLICY['Mutation.inviteMember'])).toBe(OBJECT_RULES.orgOwner.allows);
    expect(describeOperation(OPERATION_POLICY['Mutation.answerAsClient']).startsWith(`${OBJECT_RULES.confirmedOrgMember.allows}; `)).toBe(true);
  });

  it('applies the caller rules with the object rules of the same names', () => {
    for (const caller of ['signedIn', 'reviewer', 'admin'] as const) {
      for (const user of [null, { platformRoles: [] }, { platformRoles: ['reviewer'] }, { platformRoles: ['admin'] }]) {
        const verdict = checkCaller(caller, user);
        const rule = OBJECT_RULES[caller].check(user, {});
        expect(verdict.ok).toBe(rule.ok);
        if (!verdict.ok && !rule.ok) expect({ code: verdict.code, reason: verdict.reason, message: verdict.message }).toEqual({ code: rule.code, reason: rule.reason, message: rule.message });
      }
    }
    expect(checkCaller('anyone', null)).toEqual({ ok: true });
  });
});
