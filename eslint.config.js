import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering, enforced rather than remembered: src/shared imports nothing of node or electron,
// the renderer never reaches into main, and only src/main/shell imports electron.
const noElectron = {
  paths: [{ name: 'electron', message: 'Only src/main/shell (and the preload) may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only src/main/shell (and the preload) may import electron.' }],
};

// Rooms of the main process and the rooms each may not reach into. core is the engine and
// knows no process; the parser is a process of its own; what both need lives in common.
// (parser/index.ts, the one bundle entry of every thread, is the exception: it starts them.)
const relativeTo = (room) => [`../${room}/*`, `../../${room}/*`, `../../../${room}/*`];
const mainZones = [
  { files: ['src/main/core/**/*.ts'], banned: ['parser', 'shell', 'host'] },
  { files: ['src/main/parser/**/*.ts'], ignores: ['src/main/parser/index.ts'], banned: ['core', 'shell', 'host'] },
  { files: ['src/main/common/**/*.ts'], banned: ['core', 'parser', 'shell', 'host'] },
  { files: ['src/main/host/**/*.ts'], banned: ['shell', 'parser'] },
].map(({ files, ignores, banned }) => ({
  files,
  ignores: ignores ?? [],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...noElectron,
        patterns: [
          ...noElectron.patterns,
          ...banned.map((room) => ({
            group: relativeTo(room),
            message: `${files[0].split('/')[2]} may not import from src/main/${room} (see the zones in eslint.config.js).`,
          })),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/main/**/*.ts', 'test/**/*.{ts,js}', 'bench/**/*.ts', 'scripts/**/*.js', 'bin/**/*.js', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  ...mainZones,
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '../main/*', '../renderer/*', '../preload/*'],
              message: 'src/shared is pure TypeScript: it imports nothing of node, electron or the processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            ...noElectron.patterns,
            {
              group: ['node:*', '**/main/**', '**/preload/index*'],
              message: 'The renderer knows only the typed contract (src/shared).',
            },
          ],
        },
      ],
    },
  },
);
