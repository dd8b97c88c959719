module.exports = {
  displayName: 'workplan',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/workplan',
  testTimeout: 60000,
};
