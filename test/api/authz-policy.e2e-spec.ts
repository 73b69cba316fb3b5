import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { checkCaller, OPERATION_POLICY, operationRule, type Caller } from '../../apps/api/src/common/authz/policy';
import { as, FixtureContext, FixtureValues, FIXTURES, mutate } from '../authz/fixtures';
import { clientWithNewSession } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The authorization policy, tested from the schema: every query and mutation of
 * schema.graphql must have a rule in common/authz/policy.ts (a new operation
 * without one fails here, and is refused by the API), and every operation is called
 * as each role — anonymous, buyer, vendor A, vendor B, reviewer, a reviewer
 * conflicted with vendor A, admin — with arguments generated from its types: a role
 * the rule refuses gets exactly the rule's refusal, a role it admits is never
 * refused by it. test/authz/matrix.json states the object-level outcomes per case.
 */
const ROOT = path.resolve(__dirname, '../..');
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
const ROLES = ['anonymous', 'buyer', 'vendorA', 'vendorB', 'reviewer', 'conflictedReviewer', 'admin'] as const;
type Role = (typeof ROLES)[number];

const operations = [schema.getQueryType(), schema.getMutationType()]
  .filter((type): type is GraphQLObjectType => !!type)
  .flatMap((type) => Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, kind: type.name === 'Query' ? 'query' : 'mutation', field })));

/** The platform roles each test role holds (what the caller rules look at). */
const PLATFORM_ROLES: Record<Role, string[] | null> = {
  anonymous: null,
  buyer: [],
  vendorA: [],
  vendorB: [],
  reviewer: ['reviewer'],
  conflictedReviewer: ['reviewer'],
  admin: ['admin'],
};

/** A value of `type` that passes GraphQL's own validation (the resolver may still refuse it). */
function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [sampleValue(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined).map((f) => [f.name, sampleValue(f.type)]));
  }
  switch ((type as GraphQLScalarType).name) {
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      return 'policy-sample';
  }
}

function documentFor(kind: string, field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) ? ` { __typename ${Object.values(returned.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0).slice(0, 1).map((f) => f.name).join(' ')} }` : isLeafType(returned) ? '' : ' { __typename }';
  return `${kind} Policy${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('Authorization policy (generated from schema.graphql)', () => {
  let t: TestApp;
  const users: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const cache = new Map<string, Promise<FixtureValues>>();
    let serial = 0;
    const f: FixtureContext = {
      t,
      actor: null,
      serial: 0,
      get: (name) => {
        let built = cache.get(name);
        if (!built) {
          built = FIXTURES[name].build({ ...f, serial: ++serial });
          cache.set(name, built);
        }
        return built;
      },
    };
    for (const role of ['buyer', 'vendorA', 'vendorB', 'reviewer', 'admin'] as const) users[role] = String((await f.get(role)).userId);
    // A second accredited reviewer who declared an affiliation with vendor A.
    const conflicted = await FIXTURES.spareReviewer.build({ ...f, serial: ++serial });
    await mutate(await as(f, conflicted.userId), 'mutation($input: AffiliationInput!) { declareAffiliation(input: $input) { id } }', {
      input: { organizationId: (await f.get('vendorA')).orgId, note: 'Former employee' },
    });
    users.conflictedReviewer = String(conflicted.userId);
  }, 120_000);
  afterAll(() => t.close());

  it('has a rule for every query and mutation of the schema, and none for anything else', () => {
    const names = operations.map((o) => o.name).sort();
    expect({ withoutRule: names.filter((name) => !operationRule(name)) }).toEqual({ withoutRule: [] });
    expect({ notInSchema: Object.keys(OPERATION_POLICY).filter((name) => !names.includes(name)).sort() }).toEqual({ notInSchema: [] });
  });

  it('refuses an operation that has no rule (deny by default)', async () => {
    const saved = OPERATION_POLICY['Query.taxonomy'];
    delete OPERATION_POLICY['Query.taxonomy'];
    try {
      const res = await t.client().query('{ taxonomy { capabilities { key } } }');
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_POLICY' });
      expect(res.data ?? null).toBeNull();
    } finally {
      OPERATION_POLICY['Query.taxonomy'] = saved;
    }
    expect((await t.client().query('{ taxonomy { capabilities { key } } }')).errors).toBeUndefined();
  });

  it.each(operations.flatMap((o) => ROLES.map((role) => [o.name, role, o] as const)))('%s as %s: the rule decides who gets past it', async (name, role, operation) => {
    await t.dataSource.query('DELETE FROM rate_limits');
    const rule = operationRule(name)!;
    const expected = checkCaller(rule.caller as Caller, PLATFORM_ROLES[role] ? { platformRoles: PLATFORM_ROLES[role]! } : null);
    const client = role === 'anonymous' ? t.client() : await clientWithNewSession(t, users[role]!);
    const variables = Object.fromEntries(operation.field.args.map((a) => [a.name, sampleValue(a.type)]));
    const res = await client.query(documentFor(operation.kind, operation.field), variables);
    expect(res.status).toBeLessThan(500);
    const error = res.errors?.[0];
    if (!expected.ok) {
      expect(error?.extensions).toMatchObject({ code: expected.code, reason: expected.reason });
      expect(res.data?.[operation.field.name] ?? null).toBeNull();
    } else {
      // Admitted by the rule: whatever the object-level answer, it is not the caller refusal.
      expect(['SIGN_IN_REQUIRED', 'ADMIN_ONLY', 'REVIEWER_ONLY', 'NO_POLICY']).not.toContain(error?.extensions?.reason);
    }
  });

  it('agrees with the hand-checked matrix of object-level outcomes (test/authz/matrix.json)', () => {
    const matrix = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/authz/matrix.json'), 'utf8')) as { operations: Record<string, Array<{ expect: Record<string, string> }>> };
    const disagreements: string[] = [];
    for (const [name, cases] of Object.entries(matrix.operations)) {
      const rule = operationRule(name);
      if (!rule) continue;
      for (const c of cases) {
        for (const [role, outcome] of Object.entries(c.expect)) {
          const verdict = checkCaller(rule.caller, PLATFORM_ROLES[role as Role] ? { platformRoles: PLATFORM_ROLES[role as Role]! } : null);
          if (!verdict.ok && outcome !== verdict.code && outcome !== 'refused') disagreements.push(`${name} as ${role}: the rule refuses (${verdict.code}), the matrix says ${outcome}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
