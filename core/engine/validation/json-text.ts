/** Parsed JSON text, or where and why it is malformed (line and column from 1). */
export type JsonText = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

class Fault {
  constructor(
    readonly index: number,
    readonly message: string,
  ) {}
}

const describeChar = (char: string): string => (char === '' ? 'the end of the file' : JSON.stringify(char));

/**
 * A small JSON scanner that runs only after `JSON.parse` has failed, to say where and why in words
 * that don't depend on the Node version, with hints for the usual hand-editing slips (comments,
 * trailing commas, single quotes).
 */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  run(): void {
    this.value();
    this.space();
    if (this.i < this.text.length) this.fail('expected the end of the file after the JSON value');
  }

  private fail(message: string, at = this.i): never {
    throw new Fault(at, message);
  }

  private peek(): string {
    return this.text[this.i] ?? '';
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.peek())) this.i++;
    if (this.text.startsWith('//', this.i) || this.text.startsWith('/*', this.i)) {
      this.fail('comments are not allowed in JSON');
    }
  }

  private value(): void {
    this.space();
    const char = this.peek();
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || /[0-9]/.test(char)) return this.number();
    for (const word of ['true', 'false', 'null'])
      if (this.text.startsWith(word, this.i)) return void (this.i += word.length);
    if (char === "'") this.fail('expected double quotes, not single quotes');
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.i))?.[0];
    this.fail(`expected a value, got ${word === undefined ? describeChar(char) : JSON.stringify(word)}`);
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.peek() === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.peek() === '}') this.fail('trailing comma before "}"', this.text.lastIndexOf(',', this.i));
      if (this.peek() === "'") this.fail('expected double quotes around the property name, not single quotes');
      if (this.peek() !== '"') this.fail(`expected a property name in double quotes, got ${describeChar(this.peek())}`);
      this.string();
      this.space();
      if (this.peek() !== ':') this.fail(`expected ":" after the property name, got ${describeChar(this.peek())}`);
      this.i++;
      this.value();
      const end = this.i;
      this.space();
      const next = this.peek();
      this.i++;
      if (next === '}') return;
      // The comma belongs right after the value, so that is where the fault is shown.
      if (next === '"') this.fail('missing "," before the next property', end);
      if (next !== ',') this.fail(`expected "," or "}" after a property value, got ${describeChar(next)}`, this.i - 1);
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.peek() === ']') return void this.i++;
    for (;;) {
      this.space();
      if (this.peek() === ']') this.fail('trailing comma before "]"', this.text.lastIndexOf(',', this.i));
      this.value();
      const end = this.i;
      this.space();
      const next = this.peek();
      this.i++;
      if (next === ']') return;
      if (/["{[0-9-]/.test(next)) this.fail('missing "," before the next item', end);
      if (next !== ',') this.fail(`expected "," or "]" after an array item, got ${describeChar(next)}`, this.i - 1);
    }
  }

  private string(): void {
    const start = this.i;
    this.i++;
    for (;;) {
      const char = this.peek();
      if (char === '') this.fail('unterminated string', start);
      if (char === '"') return void this.i++;
      if (char < ' ') this.fail('expected no raw control characters (such as a line break) in a string; use an escape');
      if (char === '\\') {
        const escape = this.text[this.i + 1] ?? '';
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.i += 4;
        else if (!'"\\/bfnrt'.includes(escape) || escape === '') this.fail(`invalid escape "\\${escape}" in a string`);
        this.i++;
      }
      this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.i));
    if (!match) this.fail('invalid number');
    this.i += match[0].length;
    if (/[0-9.eE]/.test(this.peek())) this.fail('invalid number');
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, index));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: index - lastBreak };
}

/** Parses JSON text (a leading byte-order mark is ignored); on failure says where and what was expected. */
export function parseJsonText(text: string): JsonText {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    if (source.trim() === '') return { ok: false, line: 1, column: 1, message: 'the file is empty, expected JSON' };
    let fault = new Fault(0, error instanceof Error ? error.message : String(error));
    try {
      new Scanner(source).run();
    } catch (found) {
      if (!(found instanceof Fault)) throw found;
      fault = found;
    }
    return { ok: false, ...lineAndColumn(source, fault.index), message: fault.message };
  }
}
