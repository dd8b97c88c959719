// The chaos suite: specs are named *.chaos-spec.ts so the preset's testMatch (and
// so the default `npm test`) never picks them up; `nx run chaos:chaos` selects them.
module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/chaos',
  // each scenario kills and restarts real processes and waits out JetStream's 30 s ack wait.
  testTimeout: 240000,
};
