/**
 * Strict JSON scanning for policy files, used only to say *where* a document is broken:
 * `JSON.parse` messages differ between Node versions and do not always give a position.
 * Also catches duplicate keys, which JSON.parse silently resolves to the last one (a reviewer
 * reading the first "Effect" would be misled).
 */

export interface JsonProblem {
  kind: 'syntax' | 'duplicate-key' | 'too-deep';
  offset: number;
  message: string;
}

export const MAX_JSON_DEPTH = 64;

/** The first problem in `text`, or undefined when it is strict JSON without duplicate keys. */
export function scanJson(text: string): JsonProblem | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (message: string, at = i): JsonProblem => ({ kind: 'syntax', offset: at, message });
  const describe = (): string => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);

  const string = (): string | JsonProblem => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape in string', i);
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail('invalid escape in string', i);
        out += e;
        i += 2;
        continue;
      }
      if (c < ' ') return fail(c === '\n' || c === '\r' ? 'string not closed before the end of the line' : 'control character inside a string', i);
      out += c;
      i++;
    }
    return fail('string not closed', start);
  };

  /** After a member or element: `,` means more (a trailing one is an error), `close` ends the container. */
  const after = (close: '}' | ']'): 'more' | 'end' | JsonProblem => {
    ws();
    if (text[i] === ',') {
      const comma = i++;
      ws();
      return text[i] === close ? fail(`trailing comma before "${close}"`, comma) : 'more';
    }
    if (text[i] === close) {
      i++;
      return 'end';
    }
    return fail(`expected "," or "${close}" but found ${describe()}`);
  };

  const value = (depth: number): JsonProblem | undefined => {
    if (depth > MAX_JSON_DEPTH) return { kind: 'too-deep', offset: i, message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return undefined;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') return fail(`expected a quoted property name but found ${describe()}`);
        const keyStart = i;
        const key = string();
        if (typeof key !== 'string') return key;
        if (keys.has(key)) return { kind: 'duplicate-key', offset: keyStart, message: `duplicate key "${key}" in the same object` };
        keys.add(key);
        ws();
        if (text[i] !== ':') return fail(`expected ":" after a property name but found ${describe()}`);
        i++;
        const p = value(depth + 1);
        if (p) return p;
        const next = after('}');
        if (next === 'end') return undefined;
        if (next !== 'more') return next;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return undefined;
      }
      for (;;) {
        const p = value(depth + 1);
        if (p) return p;
        const next = after(']');
        if (next === 'end') return undefined;
        if (next !== 'more') return next;
      }
    }
    if (c === '"') {
      const s = string();
      return typeof s === 'string' ? undefined : s;
    }
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return undefined;
    }
    if (c === "'") return fail("strings must use double quotes (\"), not single quotes");
    if (c === '/') return fail('comments are not allowed in JSON');
    return fail(`expected a value but found ${describe()}`);
  };

  ws();
  if (i >= text.length) return fail('the file is empty', 0);
  const p = value(1);
  if (p) return p;
  ws();
  if (i < text.length) return fail(`unexpected ${describe()} after the end of the document`);
  return undefined;
}

/** 1-based line and column of an offset; \r\n, \n and \r all end a line. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
