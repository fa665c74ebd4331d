/**
 * Reads the block-style YAML subset that electron-builder.yml uses (nested maps, `- item` lists of scalars,
 * comments), so the packaging config is checked without a YAML dependency. Anything else throws.
 */
type Value = string | boolean | number | Value[] | { [key: string]: Value };

interface Line {
  indent: number;
  text: string;
}

function scalar(text: string): Value {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text.replace(/^(['"])(.*)\1$/, '$2');
}

function block(lines: Line[], start: number, indent: number): [Value, number] {
  const first = lines[start];
  if (first?.text.startsWith('- ')) {
    const list: Value[] = [];
    let i = start;
    for (; i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- '); i++) {
      list.push(scalar(lines[i]!.text.slice(2).trim()));
    }
    return [list, i];
  }
  const map: Record<string, Value> = {};
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent) {
    const match = /^([\w$-]+):(?:\s+(.*))?$/.exec(lines[i]!.text);
    if (!match) throw new Error(`unsupported YAML line: ${lines[i]!.text}`);
    const [, key, rest] = match;
    if (rest !== undefined && rest !== '') {
      map[key!] = scalar(rest);
      i++;
      continue;
    }
    const child = lines[i + 1];
    if (!child || child.indent <= indent) throw new Error(`"${key}" has no value`);
    const [value, next] = block(lines, i + 1, child.indent);
    map[key!] = value;
    i = next;
  }
  return [map, i];
}

export function parseBlockYaml(text: string): Record<string, Value> {
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => ({ indent: line.length - line.trimStart().length, text: line.trim() }));
  const [value, end] = block(lines, 0, 0);
  if (end !== lines.length) throw new Error(`unsupported YAML from: ${lines[end]!.text}`);
  return value as Record<string, Value>;
}
