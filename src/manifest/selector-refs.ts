/**
 * Account references of the manifest (`accounts` of a connection, `organization.scope`): their
 * syntax check for `validate`, and their conversion to selectors. Offline: whether an OU or a
 * name exists is known only when plan, apply or rotate read the organisation.
 */
import type { Finding } from '../diagnostics.js';
import type { AccountSelector } from '../org/model.js';
import { ouError, parseSelectorText } from '../org/selectors.js';
import type { AccountRefDoc } from './schema.js';
import { locate, type YamlPath, type YamlSource } from './yaml.js';

/** The selector an entry stands for; undefined when its syntax is wrong (reported by `selectorFindings`). */
export function selectorOfDoc(ref: AccountRefDoc): AccountSelector | undefined {
  if (typeof ref === 'string') {
    const p = parseSelectorText(ref);
    return 'selector' in p ? p.selector : undefined;
  }
  const exclude: AccountSelector[] = [];
  for (const x of ref.exclude ?? []) {
    const p = parseSelectorText(x);
    if (!('selector' in p)) return undefined;
    exclude.push(p.selector);
  }
  return {
    ...(ref.ou !== undefined ? { ou: ref.ou } : {}),
    ...(ref.children !== undefined ? { children: ref.children } : {}),
    ...(ref.tags !== undefined ? { tags: ref.tags } : {}),
    ...(ref.name !== undefined ? { name: ref.name } : {}),
    ...(exclude.length ? { exclude } : {}),
  };
}

/** Syntax errors of one account reference that is a selector, each at its own line and column. */
export function selectorFindings(ref: AccountRefDoc, path: YamlPath, src: YamlSource, connection?: string): Finding[] {
  const out: Finding[] = [];
  const push = (p: YamlPath, message: string, fix: string): void => {
    out.push({ check: 'manifest/account-selector', severity: 'error', message, fix, location: locate(src, p), ...(connection !== undefined ? { connection } : {}) });
  };
  const fix = 'see "Organisation accounts" in the README for the selector forms';
  if (typeof ref === 'string') {
    const p = parseSelectorText(ref);
    if ('error' in p) push(path, p.error, fix);
    return out;
  }
  if (ref.ou === undefined && ref.tags === undefined && ref.name === undefined) {
    push(path, 'an account selector needs at least one of ou, tags or name', 'add `ou: /path/of/ou`, `tags: { key: value }` or `name: glob`');
  }
  if (ref.ou !== undefined) {
    const err = ouError(ref.ou);
    if (err) push([...path, 'ou'], err, fix);
  }
  if (ref.children !== undefined && ref.ou === undefined) push([...path, 'children'], '`children` applies to an `ou` selector only', 'add `ou:` or remove `children`');
  if (ref.name !== undefined) {
    const p = parseSelectorText(`name:${ref.name}`);
    if ('error' in p) push([...path, 'name'], p.error, fix);
  }
  (ref.exclude ?? []).forEach((x, i) => {
    const p = parseSelectorText(x);
    if ('error' in p) push([...path, 'exclude', i], p.error, fix);
  });
  return out;
}
