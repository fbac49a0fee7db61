/**
 * `discover`: every third-party door in the selected accounts, declared or not. Read-only, and it
 * reads exactly what plan reads (the same reader, planner role): the doors come from that
 * inventory, so discover costs no IAM call beyond plan's.
 */
import { discoverAccounts, type DiscoverResult } from '../discover/discover.js';
import { desiredState } from '../plan/desired.js';
import { runPlan, type PlanCommandOptions, type PlanCommandResult } from './plan.js';

export interface DiscoverCommandResult extends PlanCommandResult {
  discovery?: DiscoverResult;
}

export async function runDiscover(file: string, opts: PlanCommandOptions): Promise<DiscoverCommandResult> {
  const result = await runPlan(file, { ...opts, prune: false });
  const plan = result.plan;
  if (plan === undefined || result.manifest === undefined) return result;
  const manifest = result.manifest;
  const discovery = discoverAccounts(manifest, result.inventories, (account) => desiredState(manifest, account, result.envValues), opts.now, opts.generatedAt ?? opts.now);
  if (plan.notRead !== undefined && plan.notRead.length > 0) discovery.notRead = plan.notRead;
  return { ...result, discovery };
}
