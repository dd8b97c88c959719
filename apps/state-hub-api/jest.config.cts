module.exports = {
  displayName: 'state-hub-api',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/state-hub-api',
  // e2e specs start the real app on a real Postgres (and sometimes PGlite).
  testTimeout: 60000,
};
