/**
 * discover's doors as SARIF, through the plan's SARIF machinery: each undeclared door is the
 * `drift/undeclared` result the plan would give it (declared doors are the plan's and the
 * checks' business, so they raise no alert here).
 */
import type { DiscoverResult } from '../discover/discover.js';
import { ChangeSet } from '../plan/change-set.js';
import { doorDraft } from '../plan/diff-undeclared.js';
import type { Plan } from '../plan/model.js';
import { summarize } from '../plan/summary.js';
import { renderSarif, type SarifLog, type SarifOptions } from './sarif.js';

export function renderDiscoverSarif(r: DiscoverResult, opts: SarifOptions): SarifLog {
  const accounts = r.accounts.map((a) => {
    const set = new ChangeSet(a.account);
    for (const d of a.doors) if (d.rank !== 'managed') set.add(doorDraft(d));
    return { account: a.account, accountId: a.accountId, changes: [...set.changes], watched: [] };
  });
  const plan: Plan = {
    version: 1,
    generatedAt: r.generatedAt,
    asOf: r.generatedAt,
    manifest: r.manifest,
    prune: false,
    accounts,
    summary: summarize(accounts.flatMap((a) => a.changes)),
  };
  return renderSarif([], plan, opts);
}
