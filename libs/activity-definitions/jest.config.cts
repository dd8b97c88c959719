module.exports = {
  displayName: 'activity-definitions',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/activity-definitions',
  testTimeout: 60000,
};
