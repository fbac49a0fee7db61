/**
 * Adds connections to the manifest's text with yaml's Document API, so the user's comments, key
 * order and formatting elsewhere stay as they were. Each new entry carries the comment saying
 * where its values came from.
 */
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { ImportEntry } from './entries.js';

export function addConnections(text: string, entries: readonly ImportEntry[]): string {
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the manifest is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  let connections = doc.get('connections');
  if (!isMap(connections)) {
    connections = doc.createNode({});
    doc.set('connections', connections);
  }
  const map = connections as YAMLMap;
  for (const e of entries) {
    if (map.has(e.connection)) throw new Error(`connection ${e.connection} already exists in the manifest`);
    const key = doc.createNode(e.connection);
    key.commentBefore = e.comment.join('\n');
    map.add(doc.createPair(key, e.value));
  }
  return doc.toString();
}
