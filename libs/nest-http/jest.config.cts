module.exports = {
  displayName: 'nest-http',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/nest-http',
};
