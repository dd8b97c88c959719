module.exports = {
  displayName: 'state-hub',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/state-hub',
  // e2e specs run the built one-process system (dist/apps/state-hub/main.js) on temp data directories.
  testTimeout: 120000,
};
