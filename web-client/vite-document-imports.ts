import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'towerline-document:';

/**
 * Replaces every `graphql(`…`)` call with an import of a module holding just that document, taken from the generated
 * `src/gql/graphql.ts`.
 *
 * Why: the client preset's `graphql()` looks documents up in a map that imports every document of the app, so the
 * first screen carried the parsed form of all of them (about 40 KB gzip). Importing them from `graphql.ts` by name is
 * not enough: a bundler puts a module into one chunk whole, so every document would still share one chunk loaded with
 * the first screen. One module per document lets each land in the chunk of the screen that uses it. The value is the
 * same document `graphql()` returns (an object literal with the embedded hash). Does what the preset's Babel plugin
 * does, without Babel in the build.
 */
export function documentImports(): Plugin {
  const generated = resolve(import.meta.dirname, 'src/gql/graphql.ts');
  let documents: Map<string, string> | undefined;
  const read = () => {
    // each document is one line: export const NameDocument = {…} as unknown as DocumentNode<…>;
    documents ??= new Map(
      [...readFileSync(generated, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map(
        (m) => [m[1] ?? '', m[2] ?? ''],
      ),
    );
    return documents;
  };
  return {
    name: 'towerline-document-imports',
    enforce: 'pre',
    buildStart() {
      documents = undefined;
    },
    watchChange(id) {
      if (id === generated) documents = undefined;
    },
    resolveId(source) {
      return source.startsWith(PREFIX) ? '\0' + source : null;
    },
    load(id) {
      if (!id.startsWith('\0' + PREFIX)) return null;
      this.addWatchFile(generated);
      return `export default ${read().get(id.slice(PREFIX.length + 1))};\n`;
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) {
        return null;
      }
      const names = new Set<string>();
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_call, text: string) => {
        const definition = /^\s*(?:(query|mutation|subscription)|fragment)\s+(\w+)/.exec(text);
        if (!definition?.[2]) {
          this.error(`a graphql() document without a name in ${id}`);
        }
        const name = definition[2] + (definition[1] ? 'Document' : 'FragmentDoc');
        if (!read().has(name)) {
          this.error(`${name} is not in src/gql/graphql.ts (run npm run codegen) for ${id}`);
        }
        names.add(name);
        return `__document_${name}`;
      });
      // the generated index would otherwise stay imported for its side effects (verbatimModuleSyntax keeps the import)
      const withoutIndex = replaced.replace(/^import \{ graphql \} from '(?:\.\.?\/)+gql';$/m, '');
      if (/\bgraphql\(/.test(withoutIndex)) {
        this.error(`a graphql() call this plugin cannot rewrite (only a template literal without placeholders) in ${id}`);
      }
      // on one line, so that line numbers in errors stay close
      const imports = [...names].map((name) => `import __document_${name} from '${PREFIX}${name}';`);
      return { code: imports.join(' ') + withoutIndex, map: null };
    },
  };
}
