module.exports = {
  displayName: 'stale-tasks',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/stale-tasks',
  testTimeout: 60000,
};
