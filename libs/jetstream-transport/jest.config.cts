module.exports = {
  displayName: 'jetstream-transport',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/jetstream-transport',
  testTimeout: 60000,
};
