/** Plans for the report tests, built from changes (the plan module's own summary). */
import type { Change, Plan, WatchReport } from '../../src/plan/model.js';
import { summarize } from '../../src/plan/summary.js';

export function planOf(accounts: { account: string; accountId?: string; changes: Change[]; watched?: WatchReport[] }[]): Plan {
  return {
    version: 1,
    generatedAt: '2026-06-01T00:00:00.000Z',
    asOf: '2026-06-01T00:00:00.000Z',
    manifest: 'connections.yaml',
    prune: false,
    accounts: accounts.map((a, i) => ({ account: a.account, accountId: a.accountId ?? `11112222333${i}`, changes: a.changes, watched: a.watched ?? [] })),
    summary: summarize(accounts.flatMap((a) => a.changes)),
  };
}

/** One account, prod (111122223333). */
export function prodPlan(changes: Change[]): Plan {
  return planOf([{ account: 'prod', accountId: '111122223333', changes }]);
}
