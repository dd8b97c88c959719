module.exports = {
  displayName: 'engine',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/engine',
  // e2e specs start the real engine on a real Postgres and an own nats-server.
  testTimeout: 60000,
};
