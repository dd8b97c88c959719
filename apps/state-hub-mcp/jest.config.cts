module.exports = {
  displayName: 'state-hub-mcp',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/state-hub-mcp',
  // e2e specs spawn the built hub (real Postgres, own nats-server) and the built MCP server.
  testTimeout: 60000,
};
