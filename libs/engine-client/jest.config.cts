module.exports = {
  displayName: 'engine-client',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/engine-client',
};
