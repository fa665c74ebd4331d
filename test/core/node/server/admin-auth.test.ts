import { describe, expect, it } from 'vitest';
import { hasAdminToken, isLoopbackHost } from '../../../../core/node/server/admin-auth.ts';

describe('admin auth', () => {
  it('tells loopback binds from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('accepts the token as a bearer or in x-gatelab-token', () => {
    expect(hasAdminToken({ authorization: 'Bearer abc' }, 'abc')).toBe(true);
    expect(hasAdminToken({ authorization: 'bearer abc' }, 'abc')).toBe(true);
    expect(hasAdminToken({ 'x-gatelab-token': 'abc' }, 'abc')).toBe(true);
    expect(hasAdminToken({ authorization: 'Basic abc' }, 'abc')).toBe(false);
    expect(hasAdminToken({ 'x-gatelab-token': 'abcd' }, 'abc')).toBe(false);
    expect(hasAdminToken({}, 'abc')).toBe(false);
  });
});
