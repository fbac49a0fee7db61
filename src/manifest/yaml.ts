/**
 * YAML text -> a document we can locate positions in, plus the plain JS value.
 *
 * The manifest is read from pull requests, so its parser is an attack surface: the text is
 * capped in size, the tree in depth, aliases in expansion, and keys that would reach
 * `Object.prototype` are refused before any JS object is built.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Finding, SourceLocation } from '../diagnostics.js';

export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type YamlPath = readonly (string | number)[];

/** A parsed manifest text: everything needed to turn a YAML path into file:line:col. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Per-map key index, built lazily the first time a finding needs that map. */
  keyIndex: WeakMap<YAMLMap, Map<string, Pair>>;
}

export interface ParsedYaml {
  source?: YamlSource;
  /** The document as plain JS; set only when there were no blocking problems. */
  value?: unknown;
  findings: Finding[];
}

/** Where to point for a path: the value, or the key that names it (for unknown or bad keys). */
export type LocateTarget = 'value' | 'key';

function offsetLocation(src: Pick<YamlSource, 'file' | 'lineCounter'>, start: number, end?: number): SourceLocation {
  const a = src.lineCounter.linePos(start);
  const loc: SourceLocation = { file: src.file, line: a.line, column: a.col };
  if (end !== undefined && end > start) {
    const b = src.lineCounter.linePos(end);
    loc.endLine = b.line;
    loc.endColumn = b.col;
  }
  return loc;
}

function nodeLocation(src: YamlSource, node: Node | null | undefined): SourceLocation {
  const range = node?.range;
  if (!range) return { file: src.file, line: 1, column: 1 };
  // An end position helps annotate a scalar; a block collection's end is just "the next line".
  return isScalar(node) ? offsetLocation(src, range[0], range[1]) : offsetLocation(src, range[0]);
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function pairFor(src: YamlSource, map: YAMLMap, key: string): Pair | undefined {
  let index = src.keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const k = keyText(pair.key);
      if (!index.has(k)) index.set(k, pair);
    }
    src.keyIndex.set(map, index);
  }
  return index.get(key);
}

function deref(src: YamlSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(src.doc) : node;
}

/**
 * The location of the node at `path`. When the path runs out (a missing key or index), the
 * location is the nearest existing ancestor: the key that names the map the entry is missing
 * from, so "missing trust" points at `role:`.
 */
export function locate(src: YamlSource, path: YamlPath, target: LocateTarget = 'value'): SourceLocation {
  let node: unknown = src.doc.contents;
  let keyOfNode: unknown;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const current = deref(src, node);
    let nextNode: unknown;
    let nextKey: unknown;
    if (isMap(current)) {
      const pair = pairFor(src, current, String(seg));
      if (pair) {
        nextNode = pair.value;
        nextKey = pair.key;
        // A key with no value (`trust:`) has a null value node: fall back to the key.
        if (nextNode === null || nextNode === undefined) nextNode = pair.key;
      }
    } else if (isSeq(current) && typeof seg === 'number') {
      nextNode = current.items[seg];
    }
    if (nextNode === undefined) {
      return nodeLocation(src, (keyOfNode ?? node) as Node);
    }
    node = nextNode;
    keyOfNode = nextKey;
  }
  if (target === 'key' && keyOfNode !== undefined) return nodeLocation(src, keyOfNode as Node);
  return nodeLocation(src, node as Node);
}

/** Human form of a YAML path: `connections.senhasegura.user.accessKey.deliver[0]`. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? 'the top level' : out;
}

function finding(check: string, message: string, fix: string, location: SourceLocation): Finding {
  return { check, severity: 'error', message, fix, location };
}

interface TreeProblems {
  findings: Finding[];
  firstAlias?: Node;
}

/** One pass over the tree: depth, forbidden and non-scalar keys, first alias. Stops descending at the depth cap. */
function inspectTree(src: YamlSource): TreeProblems {
  const out: TreeProblems = { findings: [] };
  let tooDeepReported = false;
  const walk = (node: unknown, depth: number): void => {
    if (isAlias(node)) {
      out.firstAlias ??= node;
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > MAX_DEPTH) {
      if (!tooDeepReported) {
        tooDeepReported = true;
        out.findings.push(
          finding(
            'manifest/too-deep',
            `the manifest nests deeper than ${MAX_DEPTH} levels`,
            'flatten this structure: a connections.yaml never needs this many levels',
            nodeLocation(src, node),
          ),
        );
      }
      return;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key;
        if (isAlias(key)) out.firstAlias ??= key;
        if (key !== null && !isScalar(key) && !isAlias(key)) {
          out.findings.push(
            finding('manifest/complex-key', 'a map key must be a plain name, not a list or map', 'write the key as a plain word', nodeLocation(src, key as Node)),
          );
        } else if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
          out.findings.push(
            finding(
              'manifest/forbidden-key',
              `the key "${String(key.value)}" is not allowed anywhere in the manifest`,
              `remove "${String(key.value)}": it is not part of the manifest format and is refused because it can alter JavaScript objects`,
              nodeLocation(src, key),
            ),
          );
        }
        walk(item.value, depth + 1);
      } else {
        walk(item, depth + 1);
      }
    }
  };
  walk(src.doc.contents, 1);
  return out;
}

function yamlErrorFinding(src: YamlSource, e: { code: string; message: string; pos: [number, number] }, severity: 'error' | 'warning'): Finding {
  const location = offsetLocation(src, e.pos[0], e.pos[1]);
  if (e.code === 'DUPLICATE_KEY') {
    // The error spans only the key's first character: read the whole key from the text.
    const key = (/^("[^"\n]*"|'[^'\n]*'|[^:\n#]*)/.exec(src.text.slice(e.pos[0]))?.[1] ?? '').trim();
    return {
      check: 'manifest/duplicate-key',
      severity,
      message: `duplicate key ${key === '' ? '' : `"${key}" `}in the same map: YAML would silently keep only one of them`,
      fix: 'remove or rename one of the two entries (connection, account and key names must be unique)',
      location,
    };
  }
  if (e.code === 'RESOURCE_EXHAUSTION') {
    return {
      check: 'manifest/too-deep',
      severity,
      message: `the YAML parser refused this document: ${e.message}`,
      fix: 'flatten the nesting: a connections.yaml never needs this many levels',
      location,
    };
  }
  if (e.code === 'MULTIPLE_DOCS') {
    return {
      check: 'manifest/yaml-syntax',
      severity,
      message: 'the manifest contains more than one YAML document (a `---` separator)',
      fix: 'keep a single document: remove the `---` line and merge what follows it',
      location,
    };
  }
  const firstLine = e.message.split('\n')[0] ?? e.message;
  return {
    check: 'manifest/yaml-syntax',
    severity,
    message: `YAML ${severity === 'error' ? 'syntax error' : 'warning'}: ${firstLine}`,
    fix:
      e.code === 'TAG_RESOLVE_FAILED'
        ? 'remove the custom YAML tag (`!name`): the manifest uses plain YAML values only'
        : 'fix the YAML at this position: check indentation, quotes, colons and brackets',
    location,
  };
}

/** Parses manifest text. `value` is set only when no error was found. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_MANIFEST_BYTES) {
    return {
      findings: [
        finding(
          'manifest/too-large',
          `the manifest is ${size} bytes, over the ${MAX_MANIFEST_BYTES}-byte (1 MiB) limit`,
          'split it or move large policy documents into files referenced with `file:`',
          { file, line: 1, column: 1 },
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const source: YamlSource = { file, text, doc, lineCounter, keyIndex: new WeakMap() };
  const findings: Finding[] = [
    ...doc.errors.map((e) => yamlErrorFinding(source, e, 'error')),
    ...doc.warnings.map((w) => yamlErrorFinding(source, w, 'warning')),
  ];
  if (doc.errors.length > 0) return { source, findings };

  const tree = inspectTree(source);
  findings.push(...tree.findings);
  if (tree.findings.length > 0) return { source, findings };

  try {
    // Keys were checked above, so this cannot write to a prototype.
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { source, value, findings };
  } catch (err) {
    if (err instanceof ReferenceError) {
      findings.push(
        finding(
          'manifest/aliases',
          `YAML aliases here expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias expansions): ${err.message}`,
          'write the repeated values out, or use fewer nested aliases (`*name`)',
          tree.firstAlias ? nodeLocation(source, tree.firstAlias) : { file, line: 1, column: 1 },
        ),
      );
      return { source, findings };
    }
    throw err;
  }
}
