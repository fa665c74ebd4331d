import { describe, expect, it } from 'vitest';
import { httpConfig, problemLines, restConfig } from './helpers.ts';

describe('crossCheckConfig: routes', () => {
  it('reports each malformed route path with what was expected', () => {
    const paths = [
      'pets',
      '/pets/',
      '/a//b',
      '/{proxy+}/x',
      '/pets/{id}.json',
      '/pets/{pet-id}',
      '/a/{id}/b/{id}',
      '/p?q=1',
    ];
    const routes = paths.map((path) => ({ method: 'GET', path }));
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[0].path: expected a path starting with "/", got "pets"',
      'apis[0].routes[1].path: expected no empty segments ("//" or a trailing "/"), got "/pets/"',
      'apis[0].routes[2].path: expected no empty segments ("//" or a trailing "/"), got "/a//b"',
      'apis[0].routes[3].path: expected {proxy+} only as the last segment, got "/{proxy+}/x"',
      'apis[0].routes[4].path: expected "{" and "}" only around a whole segment, as in "/pets/{id}", got "/pets/{id}.json"',
      'apis[0].routes[5].path: expected parameter names of letters, digits and "_" (not "{pet-id}"), got "/pets/{pet-id}"',
      'apis[0].routes[6].path: expected each parameter name once ({id} twice), got "/a/{id}/b/{id}"',
      'apis[0].routes[7].path: expected no spaces, "?" or "#" in a route path, got "/p?q=1"',
    ]);
  });

  it('allows one variable child per REST resource across the route list, as AWS does', () => {
    const routes = [
      { method: 'GET', path: '/pets/{id}' },
      { method: 'DELETE', path: '/pets/{id}' },
      { method: 'GET', path: '/pets/{petId}/toys' },
      { method: 'GET', path: '/pets/{proxy+}' },
      { method: 'GET', path: '/pets/mine' },
      { method: 'GET', path: '/{proxy+}' },
    ];
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[2].path: "{petId}" conflicts with sibling "{id}" under "/pets" (apis[0].routes[0]); REST APIs allow one variable segment per level',
      'apis[0].routes[3].path: "{proxy+}" conflicts with sibling "{id}" under "/pets" (apis[0].routes[0]); REST APIs allow one variable segment per level',
    ]);
  });

  it('lets an HTTP API route have a parameter and a greedy sibling', () => {
    const routes = [
      { method: 'GET', path: '/pets/{id}' },
      { method: 'GET', path: '/pets/{proxy+}' },
    ];
    expect(problemLines(httpConfig({ routes }))).toEqual([]);
  });

  it('requires a method except on the "$default" route, whose method can only be ANY', () => {
    const routes = [{ path: '/pets' }, { path: '$default' }, { method: 'ANY', path: '/x' }];
    expect(problemLines(httpConfig({ routes }))).toEqual([
      'apis[0].routes[0].method: required: expected one of "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"',
    ]);
    const withGet = [{ method: 'GET', path: '$default' }];
    expect(problemLines(httpConfig({ routes: withGet }))).toEqual([
      'apis[0].routes[0].method: expected "ANY" or no method for the "$default" route, got "GET"',
    ]);
  });

  it('reports a LAMBDA integration given both inline code and a file', () => {
    const integration = { type: 'LAMBDA', code: 'exports.handler = async () => ({})', file: 'handler.js' };
    const routes = [{ method: 'GET', path: '/fn', integration }];
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[0].integration: expected "code" or "file", not both',
    ]);
  });

  it("reports cache key path parameters that aren't in the route's path", () => {
    const cacheKeyParameters = [
      'method.request.path.id',
      'method.request.path.petId',
      'method.request.header.X-Tenant',
    ];
    const routes = [{ method: 'GET', path: '/pets/{id}', cacheKeyParameters }];
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[0].cacheKeyParameters[1]: no path parameter "petId" in "/pets/{id}" (parameters: id)',
    ]);
  });
});
