import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, GraphQLObjectType, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { FixtureContext, FixtureValues, FIXTURES } from '../authz/fixtures';
import { clientWithNewSession } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Runs every cell of test/authz/matrix.json — each operation's sample, as each
 * role — against the real API and compares the outcome with the table. The
 * table is the reviewed statement of who may do what; this test keeps the code
 * honest to it, and makes every new operation be classified.
 */

const ROOT = path.resolve(__dirname, '../..');
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] as const;
type Expected = 'allowed' | 'refused' | (typeof REFUSALS)[number];

interface MatrixCase {
  case: string;
  document: string;
  variables?: Record<string, unknown>;
  expect: Record<string, Expected>;
}

interface Matrix {
  roles: string[];
  operations: Record<string, MatrixCase[]>;
}

const matrix = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/authz/matrix.json'), 'utf8')) as Matrix;

const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));

/** `Query.me`, `Mutation.signUp`, ... for every root field of the committed schema. */
function schemaOperations(): string[] {
  return [schema.getQueryType(), schema.getMutationType()]
    .filter((type): type is GraphQLObjectType => !!type)
    .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`))
    .sort();
}

/** The root field a sample document calls, as `Query.x` / `Mutation.x`. */
function calledOperation(document: string): string {
  const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  if (!operation || !field || field.kind !== Kind.FIELD) return '(none)';
  return `${operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'query' ? 'Query' : operation.operation}.${field.name.value}`;
}

const cells = Object.entries(matrix.operations).flatMap(([operation, cases]) =>
  cases.flatMap((c) => matrix.roles.map((role) => ({ operation, case: c, role, expected: c.expect[role] }))),
);

describe('Authorization matrix', () => {
  let t: TestApp;
  const runFixtures = new Map<string, Promise<FixtureValues>>();
  const sharedCellFixtures = new Map<string, Promise<FixtureValues>>();
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  /**
   * Builds fixtures on demand: `run` ones once; `cell` ones afresh for every cell
   * expected to succeed (it may consume them), and once, shared, for the cells
   * expected to be refused (a refusal writes nothing; the fuzz test checks that).
   */
  function fixtureContext(actor: string | null, cellCache: Map<string, Promise<FixtureValues>>, fresh: boolean): FixtureContext {
    const f: FixtureContext = {
      t,
      actor,
      serial: ++serial,
      get: (name) => {
        const fixture = FIXTURES[name];
        if (!fixture) throw new Error(`Unknown fixture "$${name}"; add it to test/authz/fixtures.ts. Known: ${Object.keys(FIXTURES).join(', ')}`);
        const [cache, key] =
          fixture.scope === 'run' ? [runFixtures, name] : fresh ? [cellCache, name] : [sharedCellFixtures, fixture.dependsOnActor ? `${name}:${actor}` : name];
        let built = cache.get(key);
        if (!built) {
          built = fixture.build(fixture.scope === 'run' ? fixtureContext(null, new Map(), false) : fixtureContext(actor, cellCache, fresh));
          cache.set(key, built);
        }
        return built;
      },
    };
    return f;
  }

  /** Replaces every `"$fixture.field"` string in the variables with the fixture's value. */
  async function resolvePlaceholders(value: unknown, f: FixtureContext): Promise<unknown> {
    if (typeof value === 'string') {
      const match = /^\$([A-Za-z]\w*)\.(\w+)$/.exec(value);
      if (!match) return value;
      const values = await f.get(match[1]);
      if (!(match[2] in values)) throw new Error(`Fixture "${match[1]}" has no "${match[2]}" (it has ${Object.keys(values).join(', ')})`);
      return values[match[2]];
    }
    if (Array.isArray(value)) return Promise.all(value.map((v) => resolvePlaceholders(v, f)));
    if (value && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolvePlaceholders(v, f)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  }

  it('classifies every query and mutation of schema.graphql, and nothing else', () => {
    const classified = Object.keys(matrix.operations).sort();
    expect({ unclassified: schemaOperations().filter((op) => !classified.includes(op)) }).toEqual({ unclassified: [] });
    expect({ notInSchema: classified.filter((op) => !schemaOperations().includes(op)) }).toEqual({ notInSchema: [] });
  });

  it('has, for every case, a valid sample calling its operation and an outcome for every role', () => {
    const problems: string[] = [];
    for (const [operation, cases] of Object.entries(matrix.operations)) {
      if (cases.length === 0) problems.push(`${operation}: no cases`);
      for (const c of cases) {
        if (calledOperation(c.document) !== operation) problems.push(`${operation} (${c.case}): the document calls ${calledOperation(c.document)}`);
        for (const error of validate(schema, parse(c.document))) problems.push(`${operation} (${c.case}): ${error.message}`);
        for (const role of matrix.roles) {
          const value = c.expect[role];
          if (value !== 'allowed' && value !== 'refused' && !REFUSALS.includes(value)) problems.push(`${operation} (${c.case}): "${role}" is ${JSON.stringify(value)}`);
        }
        for (const role of Object.keys(c.expect)) if (!matrix.roles.includes(role)) problems.push(`${operation} (${c.case}): unknown role "${role}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(cells.map((c) => [c.operation, c.case.case, c.role, c.expected, c] as const))('%s (%s) as %s: %s', async (_op, _case, _role, _expected, cellSpec) => {
    // Rate limits have their own tests; here they would only turn cells into RATE_LIMITED.
    await t.dataSource.query('DELETE FROM rate_limits');
    const f = fixtureContext(cellSpec.role, new Map(), cellSpec.expected === 'allowed');
    const variables = (await resolvePlaceholders(cellSpec.case.variables ?? {}, f)) as Record<string, unknown>;
    const client = cellSpec.role === 'anonymous' ? t.client() : await clientWithNewSession(t, String((await f.get(cellSpec.role)).userId));
    const res = await client.query(cellSpec.case.document, variables);

    const error = res.errors?.[0];
    const code = String(error?.extensions?.code ?? '');
    const outcome = !error ? 'allowed' : (REFUSALS as readonly string[]).includes(code) ? code : `not a refusal: ${code} "${error.message}"`;
    const matches = cellSpec.expected === 'refused' ? (REFUSALS as readonly string[]).includes(outcome) : outcome === cellSpec.expected;
    expect({ outcome, status: res.status < 500 }).toEqual({ outcome: matches ? outcome : cellSpec.expected, status: true });
  }, 30_000);
});
