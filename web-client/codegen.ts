import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { Kind, visit, type ASTNode, type SelectionSetNode } from 'graphql';

// Types come from platform-api's schema files as they are at build time (no running server), so any feature's new
// schema file is picked up by the next build.
//
// Persisted documents (ADR 0147): src/gql/persisted-documents.json maps the SHA-256 (hex) of each document's exact
// text to the text, the manifest the platform's trusted-documents mode accepts; the client sends exactly these texts
// (api/documents.ts). __typename is added here to every selection below the root, as urql would add it, so results
// still carry the typenames urql's cache invalidates by.
const addTypenameBelowRoot: Types.DocumentTransformObject = {
  transform: ({ documents }) =>
    documents.map((file) => ({
      ...file,
      document:
        file.document &&
        visit(file.document, {
          SelectionSet(node: SelectionSetNode, _key, parent: ASTNode | readonly ASTNode[] | undefined) {
            const root = parent !== undefined && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION;
            const has = node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename');
            if (root || has) return undefined;
            return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
          },
        }),
    })),
};
const config: CodegenConfig = {
  schema: '../platform-api/src/main/resources/graphql/**/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashAlgorithm: (document: string) => createHash('sha256').update(document, 'utf8').digest('hex'),
        },
      },
      documentTransforms: [addTypenameBelowRoot],
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
