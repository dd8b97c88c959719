// Shared Jest preset. Nest 12 is ESM-only and Jest runs CommonJS, so swc
// transforms both our TypeScript and the ESM packages in node_modules.
const nxPreset = require('@nx/jest/preset').default;

const esmPackages = [
  '@nestjs',
  '@electric-sql/pglite',
  'load-esm',
  'file-type',
  'uuid',
  '@fastify',
  'content-disposition',
];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|test|e2e-spec).[jt]s'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.[mc]?js$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
