import { describe, expect, it } from 'vitest';
import { bodyOf, gatewayFrom, httpConfig, mock, send } from './helpers.ts';

const route = (method: string | null, path: string, name: string) => ({
  ...(method === null ? {} : { method }),
  path,
  integration: mock(name),
});

const routes = [
  route('GET', '/items', 'list'),
  route('GET', '/items/special', 'exact'),
  route('GET', '/items/{id}', 'param:${method.request.path.id}'),
  route('POST', '/items/{id}', 'post-param'),
  route('ANY', '/items/{id}/parts', 'parts'),
  route('GET', '/items/{proxy+}', 'greedy:${method.request.path.proxy}'),
  route('GET', '/', 'root'),
];

describe('HTTP API stages (SPEC §3 step 1)', () => {
  it('serves a named stage by its first path segment', () => {
    const gateway = gatewayFrom(httpConfig({ routes, stages: [{ name: 'v1' }, { name: '$default' }] }));
    const result = send(gateway, { path: '/v1/items' });
    expect(result.response.body).toBe('list');
    expect(result.outcome.stage).toBe('v1');
  });

  it('falls back to the $default stage, served at the root', () => {
    const gateway = gatewayFrom(httpConfig({ routes, stages: [{ name: 'v1' }, { name: '$default' }] }));
    const result = send(gateway, { path: '/items/7' });
    expect(result.response.body).toBe('param:7');
    expect(result.outcome.stage).toBe('$default');
    expect(result.ticket?.stagePath).toBe('/items/7');
    expect(send(gateway, { path: '/' }).response.body).toBe('root');
  });

  it('answers 404 Not Found when neither a named stage nor $default matches', () => {
    const gateway = gatewayFrom(httpConfig({ routes, stages: [{ name: 'v1' }] }));
    const result = send(gateway, { path: '/v2/items' });
    expect(result.response.status).toBe(404);
    expect(result.response.body).toBe('{"message":"Not Found"}');
    expect(result.response.headers['x-amzn-ErrorType']).toBe('NotFoundException');
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(result.response.headers['x-amzn-RequestId']).toBeDefined();
  });
});

describe('HTTP API routes (SPEC §3 step 2)', () => {
  const gateway = gatewayFrom(httpConfig({ routes }));
  const body = (path: string, method = 'GET') => send(gateway, { method, path }).response.body;

  it('prefers exact to {param} to {proxy+}', () => {
    expect(body('/items/special')).toBe('exact');
    expect(body('/items/5')).toBe('param:5');
    expect(body('/items/5/6/7')).toBe('greedy:5/6/7');
  });

  it('backtracks to a less specific route when the specific one has no such method', () => {
    // POST /items/special: the exact resource has only GET, so the {id} route answers.
    expect(body('/items/special', 'POST')).toBe('post-param');
    // GET /items/5/parts/9: {id}/parts has no deeper resource, so the greedy route answers.
    expect(body('/items/5/parts/9')).toBe('greedy:5/parts/9');
    expect(body('/items/5/parts', 'DELETE')).toBe('parts');
  });

  it('answers 404 when no route matches and there is no $default route', () => {
    const result = send(gateway, { path: '/other' });
    expect(result.response.status).toBe(404);
    expect(bodyOf(result)).toEqual({ message: 'Not Found' });
    expect(result.outcome).toMatchObject({ stage: '$default', routeKey: null });
    expect(send(gateway, { method: 'DELETE', path: '/items' }).response.status).toBe(404);
  });

  it('does not let {proxy+} match its own parent', () => {
    const only = gatewayFrom(httpConfig({ routes: [route('GET', '/files/{proxy+}', 'greedy')] }));
    expect(send(only, { path: '/files' }).response.status).toBe(404);
    expect(send(only, { path: '/files/a' }).response.body).toBe('greedy');
  });

  it('sends everything unmatched to the $default route, whose method may be left out', () => {
    const withDefault = gatewayFrom(
      httpConfig({ routes: [route('GET', '/items', 'list'), route(null, '$default', 'catch-all')] }),
    );
    expect(send(withDefault, { path: '/items' }).response.body).toBe('list');
    const other = send(withDefault, { method: 'PATCH', path: '/anything/at/all' });
    expect(other.response.body).toBe('catch-all');
    expect(other.outcome.routeKey).toBe('$default');
    expect(send(withDefault, { method: 'POST', path: '/items' }).response.body).toBe('catch-all');
  });

  it('names matched routes by route key', () => {
    expect(send(gateway, { path: '/items/1' }).outcome.routeKey).toBe('GET /items/{id}');
    expect(send(gateway, { method: 'PUT', path: '/items/1/parts' }).outcome.routeKey).toBe('ANY /items/{id}/parts');
  });

  it('names path parameters by the matched route, when routes name the same segment differently', () => {
    const named = gatewayFrom(
      httpConfig({
        routes: [
          route('GET', '/pets/{id}', 'pet ${method.request.path.id}'),
          route('GET', '/pets/{petId}/toys/{toyId}', 'toy ${method.request.path.petId}/${method.request.path.toyId}'),
          route('POST', '/files/{path+}', 'post ${method.request.path.path}'),
          route('GET', '/files/{proxy+}', 'get ${method.request.path.proxy}'),
        ],
      }),
    );
    expect(send(named, { path: '/pets/7' }).response.body).toBe('pet 7');
    expect(send(named, { path: '/pets/7/toys/3' }).response.body).toBe('toy 7/3');
    expect(send(named, { path: '/pets/7/toys/3' }).ticket?.pathParams).toEqual({ petId: '7', toyId: '3' });
    expect(send(named, { method: 'POST', path: '/files/a/b' }).response.body).toBe('post a/b');
    expect(send(named, { path: '/files/a/b' }).response.body).toBe('get a/b');
  });
});
