import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the repository root: `npx graphql-codegen --config apps/web/codegen.ts`.
// The client is generated from the committed schema, never from a running server
// (introspection is off in production).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: {
        // Operations select plain fields; Apollo's own data masking is not used either.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string' },
        avoidOptionals: false,
        skipTypename: false,
      },
    },
  },
};

export default config;
