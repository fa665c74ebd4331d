/** One `{name}` (or greedy `{name+}`) slot of a request path template. */
export interface TemplateParam {
  name: string;
  greedy: boolean;
}

/** A path template split for fast filling: `literals[0] + value(params[0]) + literals[1] + …`. */
export interface PathTemplate {
  literals: string[];
  params: TemplateParam[];
}

const PARAM = /\{([^{}]*)\}/g;
const PARAM_NAME = /^[A-Za-z0-9._-]+$/;

/** Splits a template such as `/pets/{id}`; returns an error message instead when it is malformed. */
export function parsePathTemplate(path: string): PathTemplate | string {
  const literals: string[] = [];
  const params: TemplateParam[] = [];
  let last = 0;
  for (const match of path.matchAll(PARAM)) {
    const literal = path.slice(last, match.index);
    if (/[{}]/.test(literal)) return 'expected "{" and "}" only around a parameter name';
    const raw = match[1] ?? '';
    const greedy = raw.endsWith('+');
    const name = greedy ? raw.slice(0, -1) : raw;
    if (!PARAM_NAME.test(name)) {
      return `expected a parameter name of letters, digits, ".", "_" or "-" in {${raw}}`;
    }
    if (params.some((p) => p.name === name)) return `expected each parameter once, got {${name}} twice`;
    last = match.index + match[0].length;
    // As in API Gateway, a greedy parameter can only end the path.
    if (greedy && last !== path.length) return `expected {${raw}} only at the end of the path`;
    literals.push(literal);
    params.push({ name, greedy });
  }
  const tail = path.slice(last);
  if (/[{}]/.test(tail)) return 'expected "{" and "}" only around a parameter name';
  literals.push(tail);
  return { literals, params };
}
