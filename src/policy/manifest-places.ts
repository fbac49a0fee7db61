/**
 * Places in the manifest for findings that are about manifest entries rather than documents:
 * a `managedPolicies` item, the `vendor:` line. Entries a preset filled in are not in the text,
 * so those fall back to the given location (the connection or principal).
 */
import type { SourceLocation } from '../diagnostics.js';
import type { ConnectionSpec, Manifest } from '../manifest/model.js';
import { locateExact, type NodePath } from './document.js';

export function manifestPlace(manifest: Manifest, path: NodePath, fallback: SourceLocation): SourceLocation {
  return locateExact(manifest.file, manifest.text, path) ?? fallback;
}

export function managedPolicyPlace(manifest: Manifest, connection: ConnectionSpec, kind: 'user' | 'role', index: number): SourceLocation {
  const principal = connection[kind];
  return manifestPlace(manifest, ['connections', connection.name, kind, 'managedPolicies', index], principal?.at ?? connection.at);
}

export function vendorPlace(manifest: Manifest, connection: ConnectionSpec): SourceLocation {
  return manifestPlace(manifest, ['connections', connection.name, 'vendor'], connection.at);
}

/**
 * The scalar as the user wrote it at `at` (a flow or block sequence item, quoted or not), so a
 * message can quote `ReadOnlyAcess` rather than the ARN the normaliser made of it.
 */
export function writtenScalar(manifest: Manifest, at: SourceLocation): string | undefined {
  if (at.file !== manifest.file) return undefined;
  const line = manifest.text.split(/\r?\n/)[at.line - 1];
  const m = line === undefined ? null : /^(["']?)([^"'\s,\]}#]+)\1/.exec(line.slice(at.column - 1));
  return m?.[2];
}
