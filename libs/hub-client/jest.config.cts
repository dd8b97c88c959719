module.exports = {
  displayName: 'hub-client',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/hub-client',
};
