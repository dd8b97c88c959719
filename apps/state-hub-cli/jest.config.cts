// commander 15 is ESM-only: let swc transform it too (the preset's list plus commander).
const esmPackages = ['@nestjs', '@electric-sql/pglite', 'load-esm', 'file-type', 'uuid', 'commander'];

module.exports = {
  displayName: 'state-hub-cli',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/state-hub-cli',
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // e2e specs run the built CLI against a real Postgres and the built hub.
  testTimeout: 90000,
};
