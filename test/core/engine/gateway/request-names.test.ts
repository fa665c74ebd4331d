import { describe, expect, it } from 'vitest';
import { gatewayFrom, send, ticketFor } from './helpers.ts';

const proxied = (uri: string, path = '/pets/{id}') => ({
  formatVersion: 1,
  apis: [
    {
      id: 'pets',
      routes: [{ method: 'GET', path, integration: { type: 'HTTP_PROXY', uri } }],
      stages: [{ name: 'prod', variables: { host: 'http://127.0.0.1:9' } }],
    },
  ],
});

describe('HTTP_PROXY uris re-encode what the route decoded', () => {
  it('keeps a decoded ?, # or / inside one path parameter', () => {
    const gateway = gatewayFrom(proxied('${stageVariables.host}/items/{id}'));
    expect(ticketFor(gateway, { path: '/prod/pets/a%3Fadmin%3D1' }).uri).toBe('http://127.0.0.1:9/items/a%3Fadmin%3D1');
    expect(ticketFor(gateway, { path: '/prod/pets/a%2F..%2F..%2Fsecret' }).uri).toBe(
      'http://127.0.0.1:9/items/a%2F..%2F..%2Fsecret',
    );
    expect(ticketFor(gateway, { path: '/prod/pets/a%23frag' }).uri).toBe('http://127.0.0.1:9/items/a%23frag');
    expect(ticketFor(gateway, { path: '/prod/pets/caf%C3%A9' }).uri).toBe('http://127.0.0.1:9/items/caf%C3%A9');
  });

  it('lets a greedy parameter span segments, each one encoded', () => {
    const gateway = gatewayFrom(proxied('http://127.0.0.1:9/files/{proxy}', '/files/{proxy+}'));
    expect(ticketFor(gateway, { path: '/prod/files/a/b%20c/d' }).uri).toBe('http://127.0.0.1:9/files/a/b%20c/d');
  });
});

describe('names that Object.prototype also has', () => {
  const echo = {
    formatVersion: 1,
    apis: [
      {
        id: 'pets',
        routes: [
          {
            method: 'GET',
            path: '/pets/{id}',
            integration: {
              type: 'MOCK',
              body: 'q=${method.request.querystring.toString} v=${stageVariables.constructor} h=${method.request.header.valueOf}',
            },
          },
        ],
        stages: [{ name: 'prod' }],
      },
    ],
  };

  it('are empty unless the request or stage really has them', () => {
    const gateway = gatewayFrom(echo);
    expect(send(gateway, { path: '/prod/pets/1' }).response.body).toBe('q= v= h=');
    expect(send(gateway, { path: '/prod/pets/1', query: { toString: 'zz' } }).response.body).toBe('q=zz v= h=');
  });
});
