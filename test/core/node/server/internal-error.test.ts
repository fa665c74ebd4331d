import { describe, expect, it } from 'vitest';
import { get, mock, restApi, serve } from '../helpers.ts';

const shop = restApi([{ method: 'GET', path: '/pets', integration: mock('{"pets":[]}') }]);

describe('a request Gatelab fails to answer', () => {
  it('gets a 500 with a request id, is reported once, and the server keeps serving', async () => {
    const errors: unknown[] = [];
    const server = await serve(shop, { clock: 'manual', onInternalError: (error) => errors.push(error) });
    const gateway = server.gatewayHost.gateway;
    const handle = gateway.handle.bind(gateway);
    gateway.handle = () => {
      throw new Error('engine bug');
    };
    const failed = await get(server, '/prod/pets');
    expect(failed.status).toBe(500);
    expect(failed.body).toBe('{"message":"Internal server error"}');
    expect(failed.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(failed.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(errors).toEqual([new Error('engine bug')]);

    gateway.handle = handle;
    const ok = await get(server, '/prod/pets');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('{"pets":[]}');
  });

  it('answers 500 when completing an integration throws', async () => {
    const errors: unknown[] = [];
    const server = await serve(shop, { clock: 'manual', onInternalError: (error) => errors.push(error) });
    server.gatewayHost.gateway.complete = () => {
      throw new Error('completion bug');
    };
    const reply = await get(server, '/prod/pets');
    expect(reply.status).toBe(500);
    expect(errors).toEqual([new Error('completion bug')]);
  });
});
