/**
 * Delivery as a masked step output, for a following step that calls the vendor's own API.
 * The library never writes outputs itself: the caller's `setOutput` does (`core.setSecret`
 * has already run for the secret; `core.setOutput` writes it to GITHUB_OUTPUT).
 */
import type { Sink } from '../manifest/model.js';
import { expandAccount } from '../manifest/sink-targets.js';
import { payloadJson, type KeyPayload } from './payload.js';
import type { SinkDelivery } from './secrets-manager.js';

export type OutputSink = Extract<Sink, { kind: 'output' }>;

/** The output's name and value (JSON: accessKeyId, secretAccessKey, user, account, createdAt). */
export function outputValue(sink: OutputSink, value: KeyPayload, accountName: string): { name: string; value: string } {
  return { name: expandAccount(sink.name, accountName), value: payloadJson(value) };
}

export function deliverToOutput(
  sink: OutputSink,
  value: KeyPayload,
  accountName: string,
  setOutput: (name: string, value: string) => void,
): SinkDelivery {
  const out = outputValue(sink, value, accountName);
  setOutput(out.name, out.value);
  return { target: `masked step output ${out.name}`, outcome: 'set' };
}
