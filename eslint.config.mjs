import nx from '@nx/eslint-plugin';

// Layering: apps on top; libs depend downwards only. Test code may also use
// the testing lib; production code may not.
const typeConstraints = (allowTesting) => [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:domain',
      'type:infra',
      'type:data',
      'type:contract',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  // A feature lib is one side of the product (the hub, the engine) as Nest modules, for apps to run or compose.
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:infra',
      'type:data',
      'type:contract',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: [
      'type:infra',
      'type:data',
      'type:contract',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:infra',
    onlyDependOnLibsWithTags: ['type:data', 'type:contract', 'type:util', ...(allowTesting ? ['type:testing'] : [])],
  },
  {
    sourceTag: 'type:data',
    onlyDependOnLibsWithTags: ['type:contract', 'type:util', ...(allowTesting ? ['type:testing'] : [])],
  },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:data', 'type:contract', 'type:util'] },
  // The engine never imports the hub's state code: it talks to it through events and HTTP.
  { sourceTag: 'scope:state', onlyDependOnLibsWithTags: ['scope:state', 'scope:shared'] },
  { sourceTag: 'scope:engine', onlyDependOnLibsWithTags: ['scope:engine', 'scope:shared'] },
  { sourceTag: 'scope:maintenance', onlyDependOnLibsWithTags: ['scope:maintenance', 'scope:state', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // The one-process composition root runs both sides.
  { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['scope:state', 'scope:engine', 'scope:shared'] },
];

const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    // build configs may share the workspace's webpack helper
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/tools/webpack/node-app\\.config$'],
    depConstraints: typeConstraints(allowTesting),
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/coverage',
      '.nx/**',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.cts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      '**/src/testing/**/*.ts',
      '**/src/lib/testing/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: ['**/*.json'],
    rules: {},
    languageOptions: { parser: await import('jsonc-eslint-parser') },
  },
];
