module.exports = {
  displayName: 'consistency-sweep',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/consistency-sweep',
  testTimeout: 60000,
};
