module.exports = {
  displayName: 'subjects',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/subjects',
};
