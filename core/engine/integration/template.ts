import { ownValue } from '../own-value.ts';

/** The values a placeholder can name (SPEC §2 "Template placeholders"). */
export interface TemplateContext {
  stageVariables: Readonly<Record<string, string>>;
  pathParams: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>> | undefined;
  headers: Readonly<Record<string, string>>;
  requestId: string;
  stage: string;
  requestTimeEpoch: number;
  callCount: number;
}

type Part = string | ((context: TemplateContext) => string);

/** A template compiled once per route, so a request only joins strings. */
export type CompiledTemplate = (context: TemplateContext) => string;

const PLACEHOLDER = /\$\{([A-Za-z]+(?:\.[A-Za-z]+)*)\.([^}.]+)\}|\$\{(integration\.callCount)\}/g;

function resolver(scope: string, name: string): Part | null {
  switch (scope) {
    case 'stageVariables':
      return (c) => ownValue(c.stageVariables, name) ?? '';
    case 'method.request.path':
      return (c) => ownValue(c.pathParams, name) ?? '';
    case 'method.request.querystring':
      return (c) => ownValue(c.query, name) ?? '';
    case 'method.request.header': {
      const lower = name.toLowerCase();
      return (c) => ownValue(c.headers, lower) ?? '';
    }
    case 'context':
      if (name === 'requestId') return (c) => c.requestId;
      if (name === 'stage') return (c) => c.stage;
      if (name === 'requestTimeEpoch') return (c) => String(c.requestTimeEpoch);
      return null;
    case 'integration':
      return name === 'callCount' ? (c) => String(c.callCount) : null;
    default:
      return null;
  }
}

/** Compiles a template; unknown placeholders are left as written, as AWS leaves unknown text alone. */
export function compileTemplate(text: string): CompiledTemplate {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const part = match[3] ? resolver('integration', 'callCount') : resolver(match[1]!, match[2]!);
    if (!part) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(part);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  if (parts.length === 0) return () => '';
  if (parts.length === 1 && typeof parts[0] === 'string') {
    const constant = parts[0];
    return () => constant;
  }
  return (context) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(context);
    return out;
  };
}
