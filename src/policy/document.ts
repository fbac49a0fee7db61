/**
 * Line and column of any node of a policy document, for findings. The source text is parsed with
 * the YAML parser (JSON is YAML flow syntax, and inline documents live in the manifest's YAML) only
 * when a finding needs a place, and at most once per text.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { SourceLocation } from '../diagnostics.js';
import type { ResolvedPolicy } from '../manifest/model.js';

export type NodePath = readonly (string | number)[];

interface ParsedText {
  contents: Node | null;
  lines: LineCounter;
}

const parsed = new Map<string, ParsedText>();

function parse(text: string): ParsedText {
  let p = parsed.get(text);
  if (!p) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
    p = { contents: (doc.contents as Node | null) ?? null, lines };
    // bounded: a run checks each file once, and a long-lived process must not grow without end
    if (parsed.size > 2000) parsed.clear();
    parsed.set(text, p);
  }
  return p;
}

function position(p: ParsedText, file: string, offset: number, end?: number): SourceLocation {
  const start = p.lines.linePos(offset);
  const loc: SourceLocation = { file, line: start.line, column: start.col };
  if (end !== undefined) {
    const e = p.lines.linePos(end);
    loc.endLine = e.line;
    loc.endColumn = e.col;
  }
  return loc;
}

/**
 * The location of the node at `path` in `text` (a YAML or JSON file). With `key`, the location of
 * the last segment's key rather than its value (for "unknown key" findings). Walks as far as the
 * path exists and points at the deepest node found, so a finding is never without a place.
 */
export function locateInText(file: string, text: string, path: NodePath, opts: { key?: boolean } = {}): SourceLocation {
  return walk(file, text, path, opts).location;
}

/** Like locateInText, but undefined unless the whole path exists (e.g. a manifest entry a preset did not fill). */
export function locateExact(file: string, text: string, path: NodePath, opts: { key?: boolean } = {}): SourceLocation | undefined {
  const w = walk(file, text, path, opts);
  return w.complete ? w.location : undefined;
}

function walk(file: string, text: string, path: NodePath, opts: { key?: boolean }): { location: SourceLocation; complete: boolean } {
  const p = parse(text);
  let node: unknown = p.contents;
  let keyNode: unknown;
  let complete = true;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) {
        complete = false;
        break;
      }
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
    } else {
      complete = false;
      break;
    }
  }
  const target = (opts.key && keyNode ? keyNode : node) as Node | null | undefined;
  const range = target?.range;
  if (!range) return { location: { file, line: 1, column: 1 }, complete: false };
  return { location: position(p, file, range[0], range[1]), complete };
}

/** Preset documents are bundled; their `source.file` reads `preset:<id>/policies/<file>.json`. */
export function presetOf(policy: ResolvedPolicy): string | undefined {
  if (policy.fromPreset !== undefined) return policy.fromPreset;
  return policy.source.file.startsWith('preset:') ? policy.source.file.slice('preset:'.length).split('/')[0] : undefined;
}

export interface Placed {
  location: SourceLocation;
  /** Appended to the message when the location is not in the document itself (preset documents). */
  note: string;
}

/**
 * Where to report a problem at `path` inside a policy document: in the policy file itself, in the
 * manifest for inline YAML documents (basePath), or on the manifest's `vendor:` line for documents a
 * preset supplied, naming the preset's document and line there.
 */
export function locateInPolicy(policy: ResolvedPolicy, path: NodePath, opts: { key?: boolean } = {}): Placed {
  const preset = presetOf(policy);
  if (preset !== undefined) {
    const inner = locateInText(policy.source.file, policy.source.text, path, opts);
    const file = policy.source.file.replace(/^preset:[^/]*\//, '');
    return {
      location: policy.at,
      note: ` (in ${file} line ${inner.line}, supplied by the ${preset} preset)`,
    };
  }
  const full = [...(policy.source.basePath ?? []), ...path];
  return { location: locateInText(policy.source.file, policy.source.text, full, opts), note: '' };
}
