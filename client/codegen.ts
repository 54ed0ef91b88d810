import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every operation in src/, from the server's schema: a schema change that breaks the client breaks the build. */
const config: CodegenConfig = {
  schema: '../shared/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Operations ship as strings: no GraphQL parser or printer in the browser bundle.
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true, scalars: { DateTimeISO: 'string' } },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
