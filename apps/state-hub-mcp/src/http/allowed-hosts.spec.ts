import { allowedHosts, isLoopbackBind, LOOPBACK_HOSTNAMES } from './allowed-hosts';

describe('allowedHosts', () => {
  it('accepts the loopback names when bound to loopback', () => {
    expect(allowedHosts({ MCP_HTTP_HOST: '127.0.0.1' })).toEqual(LOOPBACK_HOSTNAMES);
    expect(allowedHosts({ MCP_HTTP_HOST: 'localhost' })).toEqual(LOOPBACK_HOSTNAMES);
  });

  it('takes MCP_ALLOWED_HOSTS when set', () => {
    expect(allowedHosts({ MCP_HTTP_HOST: '0.0.0.0', MCP_ALLOWED_HOSTS: 'localhost,state-hub-mcp' })).toEqual([
      'localhost',
      'state-hub-mcp',
    ]);
  });

  it('checks nothing when bound elsewhere without a list', () => {
    expect(allowedHosts({ MCP_HTTP_HOST: '0.0.0.0' })).toBeUndefined();
  });

  it('treats 127.0.0.0/8, ::1 and localhost as loopback binds, nothing else', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'LOCALHOST'])
      expect(isLoopbackBind(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'state-hub-mcp', '127.0.0.1.example.org', '1127.0.0.1']) {
      expect(isLoopbackBind(host)).toBe(false);
    }
  });
});
