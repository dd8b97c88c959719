module.exports = {
  displayName: 'hub',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/hub',
  // e2e specs start the real app on a real Postgres (and sometimes PGlite).
  testTimeout: 60000,
};
