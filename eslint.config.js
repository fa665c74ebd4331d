// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
  'timers',
  'perf_hooks',
];

/** Import-boundary zones from ARCHITECTURE.md: a break fails `npm run check`. */
const zone = (files, patterns, message) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'test-results', 'schema'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  zone(['core/**'], ['electron', 'electron/*', '**/renderer/**'], 'core must not import electron or the renderer.'),
  zone(
    ['core/engine/**'],
    [
      ...nodeBuiltins,
      'electron',
      'electron/*',
      '**/renderer/**',
      '**/core/node/**',
      '**/core/cli/**',
      'undici',
      'autocannon',
    ],
    'core/engine is pure: no node:*, electron, renderer or Node adapters (ARCHITECTURE.md).',
  ),
  {
    files: ['core/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        'setTimeout',
        'setInterval',
        'setImmediate',
        'process',
        'performance',
        'window',
        'document',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject the clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
      ],
    },
  },
  zone(['electron/**'], ['**/renderer/**'], 'electron must not import the renderer.'),
  zone(
    ['renderer/**'],
    [...nodeBuiltins, 'electron', 'electron/*', '**/core/node/**', '**/core/cli/**', '**/core/engine/**'],
    'The renderer talks only to the LabApi contract.',
  ),
);
