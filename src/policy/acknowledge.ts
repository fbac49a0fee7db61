/**
 * Acknowledgements: a connection accepts a risky grant with a written reason
 * (`acknowledge: [{ check, reason, action? }]`). The finding stays in every report, as a notice
 * carrying the reason; `action` narrows the acknowledgement to findings about that action.
 */
import type { ConnectionSpec } from '../manifest/model.js';
import { checkInfo, isPolicyCheck, type CheckId } from './catalogue.js';
import { finding, type Draft } from './finding.js';
import { actionCovers } from './risks.js';

export function applyAcknowledgements(connection: ConnectionSpec, drafts: Draft[]): Draft[] {
  const used = new Set<number>();
  const out = drafts.map((d) => {
    if (!d.acknowledgeable || d.connection !== connection.name) return d;
    const i = connection.acknowledge.findIndex((a) => a.check === d.check && (a.action === undefined || actionCovers(a.action, d.subject)));
    const ack = connection.acknowledge[i];
    if (!ack) return d;
    used.add(i);
    return { ...d, severity: 'notice' as const, acknowledged: { reason: ack.reason } };
  });
  connection.acknowledge.forEach((a, i) => {
    if (used.has(i) || !isPolicyCheck(a.check) || !checkInfo(a.check as CheckId).acknowledgeable) return;
    out.push(
      finding('policy/unused-acknowledgement', a.at, `connection ${connection.name} acknowledges ${a.check}${a.action !== undefined ? ` for ${a.action}` : ''}, but no such finding remains`, {
        connection: connection.name,
        fix: 'Remove this acknowledgement (or fix its check id or action).',
      }),
    );
  });
  return out;
}
