// Lint, and the import rules of ARCHITECTURE.md enforced as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

const restrict = (patterns, message, ...more) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...more] }],
});

// shared/node/ holds the Node-only code db/ and hq/ share (they may not import each other); the rest of
// shared/ and the renderer run where Node is not. Seen from inside shared/ an import of it is '../node/…'.
const nodeOnly = (group) => ({ group, message: 'shared/node/ is Node-only: only db/ and hq/ may import it.' });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'profiles/**', '.electron-native/**', 'release/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // TypeScript checks names; no-undef only misfires on types and globals.
      'no-undef': 'off',
    },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not depend on today's types.
    files: ['db/migrations/**/*.ts', 'hq/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/node/**'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'antd', 'better-sqlite3', 'kysely', 'fastify', '**/db/**', '**/renderer/**', '**/electron/**', '**/hq/**'],
      'shared/ stays pure: no Node built-ins, electron, React, database or other layers.',
      nodeOnly(['**/node/**']),
    ),
  },
  {
    files: ['shared/node/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'antd', 'better-sqlite3', 'kysely', 'fastify', '**/db/**', '**/renderer/**', '**/electron/**', '**/hq/**'],
      'shared/node/ may use Node built-ins, and nothing of electron, React, the database or other layers: db/ and hq/ both import it.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', 'fastify', '**/db/**', '**/electron/**', '**/hq/**'],
      'renderer/ imports shared/ only and talks to the backend through renderer/api/client.ts.',
      nodeOnly(['**/shared/node/**']),
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', '**/hq/**', 'react', 'antd'], 'db/ never imports electron, the renderer or HQ.'),
  },
  {
    files: ['hq/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', '**/db/**', 'react', 'antd'], 'hq/ imports shared/ only.'),
  },
  // renderer/features/<feature>/ import one another only through the other feature's index.ts (and never
  // their own index: that is a cycle); app/ and the rest of renderer/ likewise; components/, i18n/ and
  // api/ are shared by the features and import none of them. Paths are resolved against the importing file.
  (() => {
    const posix = (p) => p.replace(/\\/g, '/');
    const root = posix(decodeURIComponent(new URL('.', import.meta.url).pathname)).replace(/^\/([A-Za-z]:)/, '$1');
    const segments = (path) => {
      const out = [];
      for (const s of path.split('/')) {
        if (s === '' || s === '.') continue;
        if (s === '..') out.pop();
        else out.push(s);
      }
      return out;
    };
    /** The feature a renderer path lies in, and whether the path names that feature's index. */
    const featureOf = (segs) =>
      segs[0] === 'renderer' && segs[1] === 'features' && segs.length >= 3
        ? { name: segs[2], index: segs.length === 3 || (segs.length === 4 && /^index(\.[jt]sx?)?$/.test(segs[3])) }
        : null;
    const rule = {
      meta: {
        type: 'problem',
        messages: {
          inside: "'{{spec}}' reaches inside features/{{feature}}: import it through its index.ts ('{{index}}').",
          ownIndex: "'{{spec}}' is features/{{feature}}'s own index.ts: import the file itself, or the import makes a cycle.",
          layer: "renderer/{{layer}}/ is shared by every feature and imports none of them ('{{spec}}').",
        },
        schema: [],
      },
      create(context) {
        const file = posix(context.physicalFilename ?? context.filename);
        if (!file.startsWith(root)) return {};
        const from = segments(file.slice(root.length));
        if (from[0] !== 'renderer') return {};
        const own = from[1] === 'features' && from.length >= 4 ? from[2] : null;
        const layer = ['components', 'i18n', 'api'].includes(from[1]) ? from[1] : null;
        const check = (source) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const spec = source.value;
          const target = featureOf(segments([...from.slice(0, -1), spec].join('/')));
          if (!target) return;
          const data = { spec, feature: target.name, layer, index: '' };
          if (layer) context.report({ node: source, messageId: 'layer', data });
          else if (target.name === own && target.index) context.report({ node: source, messageId: 'ownIndex', data });
          else if (target.name !== own && !target.index) {
            const dir = from.slice(0, -1);
            const to = ['renderer', 'features', target.name];
            let common = 0;
            while (common < dir.length && dir[common] === to[common]) common++;
            data.index = ('../'.repeat(dir.length - common) || './') + to.slice(common).join('/');
            context.report({ node: source, messageId: 'inside', data });
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    };
    return {
      files: ['renderer/**/*.{ts,tsx}'],
      ignores: ['renderer/vite.config.ts'],
      plugins: { renderer: { rules: { 'feature-imports': rule } } },
      rules: { 'renderer/feature-imports': 'error' },
    };
  })(),
);
