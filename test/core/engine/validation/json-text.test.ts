import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../../core/engine/validation/json-text.ts';

const fault = (text: string) => {
  const parsed = parseJsonText(text);
  return parsed.ok ? 'ok' : `${parsed.line}:${parsed.column}: ${parsed.message}`;
};

describe('parseJsonText', () => {
  it('parses valid JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a":[1,true,null,"x\\u0041"]}')).toEqual({
      ok: true,
      value: { a: [1, true, null, 'xA'] },
    });
  });

  it('names the line and column of the usual hand-editing slips', () => {
    expect(fault('{\n  "a": 1,\n}')).toBe('2:9: trailing comma before "}"');
    expect(fault('[1,\n2,\n]')).toBe('2:2: trailing comma before "]"');
    expect(fault('{\n  "a": 1\n  "b": 2\n}')).toBe('2:9: missing "," before the next property');
    expect(fault('[1 2]')).toBe('1:3: missing "," before the next item');
    expect(fault('{\n  // note\n  "a": 1\n}')).toBe('2:3: comments are not allowed in JSON');
    expect(fault("{'a': 1}")).toBe('1:2: expected double quotes around the property name, not single quotes');
    expect(fault('{"a": \'x\'}')).toBe('1:7: expected double quotes, not single quotes');
    expect(fault('{a: 1}')).toBe('1:2: expected a property name in double quotes, got "a"');
    expect(fault('{"a" 1}')).toBe('1:6: expected ":" after the property name, got "1"');
  });

  it('names the fault in values', () => {
    expect(fault('{"a": tru}')).toBe('1:7: expected a value, got "tru"');
    expect(fault('{"a": 01}')).toBe('1:8: invalid number');
    expect(fault('{"a": "x\\q"}')).toBe('1:9: invalid escape "\\q" in a string');
    expect(fault('{"a": "line\nbreak"}')).toBe(
      '1:12: expected no raw control characters (such as a line break) in a string; use an escape',
    );
    expect(fault('{"a": "open')).toBe('1:7: unterminated string');
  });

  it('names truncated files, trailing text and empty files', () => {
    expect(fault('{"a": [1, 2')).toBe('1:12: expected "," or "]" after an array item, got the end of the file');
    expect(fault('{"a": 1}\n}')).toBe('2:1: expected the end of the file after the JSON value');
    expect(fault(' \n')).toBe('1:1: the file is empty, expected JSON');
  });
});
