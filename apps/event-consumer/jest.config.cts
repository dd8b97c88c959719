module.exports = {
  displayName: 'event-consumer',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/event-consumer',
  // e2e specs start the real engine on a real Postgres and an own nats-server.
  testTimeout: 60000,
};
