import { describe, expect, it } from 'vitest';
import { bodyOf, gatewayFrom, mock, restConfig, send } from './helpers.ts';

const route = (method: string, path: string, name: string) => ({ method, path, integration: mock(name) });

const petstore = gatewayFrom(
  restConfig({
    routes: [
      route('GET', '/', 'root'),
      route('GET', '/pets', 'list'),
      route('GET', '/pets/mine', 'exact'),
      route('GET', '/pets/{id}', 'param:${method.request.path.id}'),
      route('ANY', '/pets/{id}', 'any-param'),
      route('ANY', '/files/{proxy+}', 'proxy:${method.request.path.proxy}'),
      route('GET', '/files/readme', 'readme'),
      route('ANY', '/shop/{proxy+}', 'shop-proxy'),
      route('GET', '/shop/dogs', 'shop-dogs'),
    ],
    stages: [{ name: 'prod' }, { name: 'beta' }],
  }),
);

const body = (path: string, method = 'GET') => send(petstore, { method, path }).response.body;

describe('REST routing (SPEC §3 steps 1–2)', () => {
  it('answers an unknown stage with 403 Forbidden', () => {
    for (const path of ['/nope/pets', '/', '/Prod/pets']) {
      const result = send(petstore, { path });
      expect(result.response.status).toBe(403);
      expect(result.response.body).toBe('{"message":"Forbidden"}');
      expect(result.response.headers['x-amzn-ErrorType']).toBe('ForbiddenException');
      expect(result.response.headers['content-type']).toBe('application/json');
      expect(result.outcome.stage).toBeNull();
    }
  });

  it('answers a path with no route with 403 Missing Authentication Token', () => {
    for (const path of ['/prod/cats', '/prod/pets/1/toys', '/prod/files']) {
      const result = send(petstore, { path });
      expect(result.response.status).toBe(403);
      expect(result.response.body).toBe('{"message":"Missing Authentication Token"}');
      expect(result.response.headers['x-amzn-ErrorType']).toBe('MissingAuthenticationTokenException');
      expect(result.outcome).toMatchObject({ stage: 'prod', routeKey: null });
    }
  });

  it('answers a known resource without the method with Missing Authentication Token', () => {
    const result = send(petstore, { method: 'DELETE', path: '/prod/pets' });
    expect(result.response.status).toBe(403);
    expect(bodyOf(result)).toEqual({ message: 'Missing Authentication Token' });
  });

  it('prefers an exact resource to {param} and {param} to {proxy+}', () => {
    expect(body('/prod/pets/mine')).toBe('exact');
    expect(body('/prod/pets/42')).toBe('param:42');
    expect(body('/prod/files/readme')).toBe('readme');
    expect(body('/prod/files/a/b/c.txt')).toBe('proxy:a/b/c.txt');
  });

  it('prefers an explicit method to ANY on the same resource', () => {
    expect(body('/prod/pets/42', 'GET')).toBe('param:42');
    expect(body('/prod/pets/42', 'DELETE')).toBe('any-param');
    expect(send(petstore, { method: 'DELETE', path: '/prod/pets/42' }).outcome.routeKey).toBe('ANY /pets/{id}');
  });

  it("excludes a sibling resource from its parent's proxy", () => {
    expect(body('/prod/shop/dogs')).toBe('shop-dogs');
    expect(body('/prod/shop/cats/1')).toBe('shop-proxy');
    const result = send(petstore, { path: '/prod/shop/dogs/1' });
    expect(result.response.status).toBe(403);
    expect(bodyOf(result)).toEqual({ message: 'Missing Authentication Token' });
  });

  it('keeps {proxy+} from matching its own parent resource', () => {
    expect(send(petstore, { path: '/prod/files' }).response.status).toBe(403);
    expect(send(petstore, { path: '/prod/files/' }).response.status).toBe(403);
    expect(body('/prod/files/x')).toBe('proxy:x');
  });

  it('lets a root {proxy+} take every path below the stage root, but not the root itself', () => {
    const catchAll = gatewayFrom(
      restConfig({ routes: [route('ANY', '/{proxy+}', 'all:${method.request.path.proxy}')] }),
    );
    expect(send(catchAll, { method: 'PUT', path: '/prod/a/b' }).response.body).toBe('all:a/b');
    expect(send(catchAll, { path: '/prod' }).response.status).toBe(403);
    expect(send(catchAll, { path: '/prod/' }).response.status).toBe(403);
  });

  it('treats a trailing slash as the same resource', () => {
    expect(body('/prod/pets/')).toBe('list');
    expect(body('/prod/pets/7/')).toBe('param:7');
  });

  it('serves the root route at the stage root, with or without a slash', () => {
    expect(body('/prod')).toBe('root');
    expect(body('/prod/')).toBe('root');
    expect(send(petstore, { path: '/prod' }).outcome.routeKey).toBe('GET /');
  });

  it('decodes path parameters', () => {
    expect(body('/prod/pets/a%20b')).toBe('param:a b');
  });

  it('routes every stage of the API', () => {
    expect(body('/beta/pets')).toBe('list');
  });

  it('answers a request for an unknown API id with 403 Forbidden', () => {
    const result = send(petstore, { path: '/prod/pets', apiId: 'other' });
    expect(result.response.status).toBe(403);
    expect(bodyOf(result)).toEqual({ message: 'Forbidden' });
  });
});

describe('response envelope', () => {
  it('puts x-amzn-RequestId on every response and compact JSON on every error', () => {
    for (const path of ['/prod/pets', '/nope', '/prod/cats']) {
      const result = send(petstore, { path });
      expect(result.response.headers['x-amzn-RequestId']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(result.outcome.requestId).toBe(result.response.headers['x-amzn-RequestId']);
      if (result.response.status >= 400) {
        expect(result.response.headers['content-type']).toBe('application/json');
        expect(result.response.body).toBe(JSON.stringify(JSON.parse(result.response.body)));
      }
    }
  });

  it('draws request ids deterministically from the seed', () => {
    const config = restConfig({ routes: [route('GET', '/pets', 'list')] });
    const ids = (seed: number) => {
      const gateway = gatewayFrom(config, { seed });
      return [0, 1, 2].map((t) => send(gateway, { path: t === 1 ? '/nope' : '/prod/pets' }, t).outcome.requestId);
    };
    expect(ids(7)).toEqual(ids(7));
    expect(ids(7)).not.toEqual(ids(8));
    expect(new Set(ids(7)).size).toBe(3);
  });
});
