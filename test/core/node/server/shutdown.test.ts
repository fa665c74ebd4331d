import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { get, restApi, serve, upstream } from '../helpers.ts';

describe('graceful close', () => {
  it('stops accepting, lets an in-flight request finish, then resolves', async () => {
    let arrived!: () => void;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = await upstream((_req, res) => {
      arrived();
      void released.then(() => res.end('late'));
    });
    const server = await serve(
      restApi([{ method: 'GET', path: '/slow', integration: { type: 'HTTP_PROXY', uri: `${slow.url}/` } }]),
    );
    expect((await get(server, '/_gatelab/health')).status).toBe(200);
    const inFlight = get(server, '/prod/slow');
    await waiting;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('connect', () => resolve(socket.destroy() && 'connected'));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect(closed).toBe(false);
    release();
    const reply = await inFlight;
    expect([reply.status, reply.body]).toEqual([200, 'late']);
    expect(reply.headers['connection']).toBe('close');
    await closing;
    expect(closed).toBe(true);
  });
});
