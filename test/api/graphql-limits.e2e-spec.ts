import * as fs from 'node:fs';
import * as path from 'node:path';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode, FragmentDefinitionNode, GraphQLSchema, Kind, Lexer, OperationDefinitionNode, parse, print, Source, specifiedRules, TokenKind, validate, visit } from 'graphql';
import { GRAPHQL_LIMITS, GraphQLLimits, graphqlLimitRules } from '../../apps/api/src/common/graphql-limits';
import { createTestApp, TestApp } from '../support/test-app';

const WEB_SRC = path.resolve(__dirname, '../../apps/web/src');

/** Every `.ts` file in a `graphql` folder of the web app: where its operations live, one per file. */
function operationFiles(dir = WEB_SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'node_modules' ? [] : operationFiles(full);
    return path.basename(dir) === 'graphql' && /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface WebOperation {
  name: string;
  file: string;
  /** The operation with the fragments it spreads, as Apollo Client sends it (with `__typename` added). */
  document: DocumentNode;
}

/** The web app's operations, parsed from the `graphql(`…`)` templates of its source files. */
function webOperations(): WebOperation[] {
  const operations: Array<{ node: OperationDefinitionNode; file: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of operationFiles()) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)) {
      for (const definition of parse(match[1]).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ node: definition, file: path.relative(WEB_SRC, file) });
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
  }
  return operations.map(({ node, file }) => {
    const needed = new Map<string, FragmentDefinitionNode>();
    const collect = (n: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(n, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !needed.has(fragment.name.value)) {
            needed.set(fragment.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(node);
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [node, ...needed.values()] };
    return { name: node.name?.value ?? '(anonymous)', file, document: addTypenameToDocument(document) };
  });
}

function tokenCount(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

const HALF: GraphQLLimits = Object.fromEntries(Object.entries(GRAPHQL_LIMITS).map(([k, v]) => [k, Math.floor(v / 2)])) as GraphQLLimits;

/** A query nested exactly `depth` levels deep, through the introspection types (our own types have no cycle yet). */
function nestedQuery(depth: number): string {
  const chain = ['__type(name: "User")', ...Array.from({ length: depth - 2 }, () => 'ofType')];
  return `{ ${chain.join(' { ')} { name${' }'.repeat(chain.length)} }`;
}

/** `n` aliased fields (aliases of `__typename` are harmless, so graphql-armor does not count them). */
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: taxonomy { regions { key } }`).join(' ')} }`;

describe('GraphQL limits', () => {
  const operations = webOperations();
  let t: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    t = await createTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
  }, 60_000);
  afterAll(() => t.close());

  it('finds the web app operations', () => {
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['Me', 'SignIn', 'SearchVendors', 'Organization']));
  });

  it.each(operations.map((o) => [o.name, o] as const))('the web operation %s is valid and stays within half of every limit', (_name, operation) => {
    const errors = validate(schema, operation.document, [...specifiedRules, ...graphqlLimitRules(HALF)]);
    expect(errors.map((e) => `${operation.file}: ${e.message}`)).toEqual([]);
    expect(tokenCount(print(operation.document))).toBeLessThanOrEqual(HALF.maxTokens);
  });

  async function expectRefused(query: string, message: RegExp): Promise<void> {
    const res = await t.client().query(query);
    expect(res.status).toBe(400);
    expect(res.data ?? undefined).toBeUndefined();
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors ?? []) expect(error.extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    expect(res.errors?.map((e) => e.message).join('\n')).toMatch(message);
  }

  it(`accepts a query exactly ${GRAPHQL_LIMITS.maxDepth} levels deep`, async () => {
    const res = await t.client().query(nestedQuery(GRAPHQL_LIMITS.maxDepth));
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('refuses deeper nesting before executing it', async () => {
    await expectRefused(nestedQuery(GRAPHQL_LIMITS.maxDepth + 1), new RegExp(`depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded`));
    await expectRefused(nestedQuery(60), /depth limit/);
  });

  it('refuses a query whose cost is over the limit (a huge page of vendors)', async () => {
    await expectRefused('{ vendors(first: 1000) { nodes { id name slug description website capabilities industries regions teamSize rateBand } } }', new RegExp(`Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded`));
  });

  it(`accepts ${GRAPHQL_LIMITS.maxAliases} aliases and refuses one more`, async () => {
    expect((await t.client().query(aliases(GRAPHQL_LIMITS.maxAliases))).errors).toBeUndefined();
    await expectRefused(aliases(GRAPHQL_LIMITS.maxAliases + 1), new RegExp(`Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded`));
  });

  it('refuses 1,000 aliases', async () => {
    await expectRefused(aliases(1000), /limit|tokens/);
  });

  it('refuses too many directives, spread out or repeated on one field', async () => {
    const spread = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxDirectives + 1 }, (_, i) => `a${i % 3}: __typename @skip(if: false)`).join(' ')} }`;
    await expectRefused(spread, new RegExp(`Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded`));
    await expectRefused(`{ __typename ${'@include(if: true) '.repeat(60)}}`, /Directives limit/);
  });

  it('refuses a document with too many tokens while parsing it', async () => {
    await expectRefused(`{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)}}`, new RegExp(`more tha[nt] ${GRAPHQL_LIMITS.maxTokens} tokens`));
    await expectRefused(`query Q(${Array.from({ length: 5000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`, /tokens/);
  });

  it('keeps answering after hostile queries', async () => {
    const res = await t.client().query('{ taxonomy { capabilities { key } } }');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });
});
