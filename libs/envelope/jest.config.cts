module.exports = {
  displayName: 'envelope',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/envelope',
};
