/** Decodes one query component (`+` is a space); a malformed escape keeps the raw text, as API Gateway does. */
export function decodeComponent(text: string): string {
  if (text.indexOf('%') === -1 && text.indexOf('+') === -1) return text;
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Parses a raw query string (without `?`) keeping the first value of each name, as the engine expects. */
export function parseQueryFirst(raw: string): Record<string, string> {
  const query: Record<string, string> = {};
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = raw.length;
    if (end > start) {
      const eq = raw.indexOf('=', start);
      const split = eq !== -1 && eq < end;
      const name = decodeComponent(raw.slice(start, split ? eq : end));
      if (!Object.hasOwn(query, name)) query[name] = split ? decodeComponent(raw.slice(eq + 1, end)) : '';
    }
    start = end + 1;
  }
  return query;
}

/** Parses a raw query string keeping every value of each name, in order (Lambda's multi-value fields). */
export function parseQueryAll(raw: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  if (raw === '') return query;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    (query[name] ??= []).push(value);
  }
  return query;
}
