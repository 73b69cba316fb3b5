import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ArgumentNode, type DocumentNode, type FieldNode, type ValueNode, visit } from 'graphql';
import { ROSTER_CSV_LIMITS } from '../modules/vendors/roster-csv';
import { badInput, type DomainError, type FieldError } from './errors';
import type { GraphQLContext } from './graphql-context';

/** The longest string any argument takes, unless {@link LONG_STRING_ARGUMENTS} says otherwise (UTF-16 units). */
export const MAX_STRING_LENGTH = 10_000;

/**
 * Arguments that legitimately carry more text, by `field.argument.path`; their
 * services check the exact limit and say it in their own words.
 */
export const LONG_STRING_ARGUMENTS: Record<string, number> = {
  'importRoster.input.csv': 2 * ROSTER_CSV_LIMITS.maxBytes,
};

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null. */
export function stringProblem(value: string, maxLength: number): string | null {
  if (value.includes('\u0000')) return 'This text contains a NUL character (\\u0000), which is not allowed.';
  if (UNPAIRED_SURROGATE.test(value)) return 'This text contains a broken character (an unpaired UTF-16 surrogate); retype or paste it again.';
  if (value.length > maxLength) return `This text is too long: at most ${maxLength.toLocaleString('en-US')} characters.`;
  return null;
}

/**
 * Every string that reaches a resolver, checked in one place before anything
 * executes: literals in the document and variables, wherever an argument uses
 * them, in queries and mutations alike. A NUL byte (PostgreSQL cannot store it),
 * an unpaired surrogate (not valid Unicode, so not valid UTF-8 either) or an
 * over-long string is refused with BAD_USER_INPUT naming the field
 * (`title`, `outcomes[1].metricName`, or `token` for a plain argument), never a 500.
 */
export function inspectArguments(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): FieldError[] {
  const problems: FieldError[] = [];
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation) return problems;
  const check = (value: unknown, path: string, at: string) => {
    if (typeof value === 'string') {
      const problem = stringProblem(value, LONG_STRING_ARGUMENTS[join(at, path)] ?? MAX_STRING_LENGTH);
      if (problem) problems.push({ field: path, message: problem });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => check(item, `${path}[${i}]`, at));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) check(item, join(path, key), at);
    }
  };
  const checkNode = (node: ValueNode, path: string, at: string) => {
    switch (node.kind) {
      case Kind.VARIABLE:
        return check(variables?.[node.name.value], path, at);
      case Kind.STRING:
        return check(node.value, path, at);
      case Kind.LIST:
        return node.values.forEach((item, i) => checkNode(item, `${path}[${i}]`, at));
      case Kind.OBJECT:
        return node.fields.forEach((f) => checkNode(f.value, join(path, f.name.value), at));
      default:
        return;
    }
  };
  // Fragments are checked wherever they are defined: their arguments reach resolvers too.
  const fields: Array<{ field: FieldNode; argument: ArgumentNode }> = [];
  for (const definition of document.definitions) {
    if (definition !== operation && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    visit(definition, {
      Field(field) {
        for (const argument of field.arguments ?? []) fields.push({ field, argument });
      },
    });
  }
  for (const { field, argument } of fields) {
    const name = argument.name.value;
    // Service inputs name their fields relative to `input` (as zod's messages do); other arguments by their name.
    const path = name === 'input' ? '' : name;
    // `at` + path is the key of LONG_STRING_ARGUMENTS, e.g. `importRoster.input` + `csv`.
    checkNode(argument.value, path, name === 'input' ? `${field.name.value}.input` : field.name.value);
  }
  return problems;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The Apollo plugin that applies {@link inspectArguments} to every operation once it is resolved. */
export const inputGuardPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operationName, request }) {
        const problems = inspectArguments(document, operationName, request.variables as Record<string, unknown> | undefined);
        if (problems.length === 0) return;
        const error: DomainError = badInput(problems.length === 1 ? problems[0].message.replace(/^This text/, `“${problems[0].field}”`) : `Please correct the ${problems.length} highlighted fields.`, problems, 'INVALID_TEXT');
        // Apollo answers errors thrown here with HTTP 500 unless they carry their own status.
        throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400, headers: new HeaderMap() } } });
      },
    };
  },
};
