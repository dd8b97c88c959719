module.exports = {
  displayName: 'stale-cleanup',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/stale-cleanup',
  // e2e specs run the built job against a real Postgres (and PGlite) and an own nats-server.
  testTimeout: 60000,
};
