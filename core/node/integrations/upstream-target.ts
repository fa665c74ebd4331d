/** Where an HTTP_PROXY request goes: the connection pool's origin and the request target sent on the wire. */
export interface UpstreamTarget {
  origin: string;
  /** The path as templated, dot segments escaped, then the query string. */
  path: string;
}

// WHATWG URL reads these as "." and ".." segments, percent-encoded or not.
const DOT = /^(?:\.|%2e)$/i;
const DOT_DOT = /^(?:\.|%2e){2}$/i;
/**
 * What may not go on the wire as is: WHATWG URL's path percent-encode set, less "?" and "#" (split off before).
 * "%" stays, so escapes already in the uri pass through.
 */
const UNSAFE = /[^!-~]|["<>`{}]/gu;
/** Scheme and authority; URL accepts backslashes and any number of slashes after the scheme. */
const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:[\\/]*[^\\/?#]*/;

function escapeSegment(segment: string): string {
  if (DOT_DOT.test(segment)) return '%2E%2E';
  if (DOT.test(segment)) return '%2E';
  return segment.replace(UNSAFE, (char) => encodeURIComponent(char));
}

/**
 * The upstream for a templated `uri` plus the client's own query string. The path is not resolved the way URL
 * resolves it: a `{proxy}` value of `../admin` would then climb out of the integration's prefix. Every `.` and
 * `..` segment is sent escaped instead (`%2E`, `%2E%2E`), so the request leaves the gateway under the prefix
 * the uri names. Throws on a uri that is not an absolute URL.
 */
export function upstreamTarget(uri: string, rawQuery: string): UpstreamTarget {
  const text = uri.trim();
  const url = new URL(text);
  const rest = text.slice(SCHEME_AND_AUTHORITY.exec(text)?.[0].length ?? 0);
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  // URL reads "\" as "/" in http(s) URLs, and so does this.
  const path = rawPath === '' ? '/' : rawPath.split(/[\\/]/).map(escapeSegment).join('/');
  let query = url.search.slice(1);
  if (rawQuery !== '') {
    // Setting `search` encodes the client's query the way URL encodes one.
    url.search = query === '' ? rawQuery : `${query}&${rawQuery}`;
    query = url.search.slice(1);
  }
  return { origin: url.origin, path: query === '' ? path : `${path}?${query}` };
}
