import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from platform-api's schema files as they are at build time (no running server), so any feature's new
// schema file is picked up by the next build.
const config: CodegenConfig = {
  schema: '../platform-api/src/main/resources/graphql/**/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', ID: 'string', Long: 'number', Date: 'string', JSON: 'unknown', BigDecimal: 'string' },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
