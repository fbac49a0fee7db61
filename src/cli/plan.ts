/** `iam-connections plan` on the command line: a snapshot or the live accounts, to the terminal. */
import { writeFileSync } from 'node:fs';
import { parseAsOf } from '../action/inputs.js';
import { now } from '../clock.js';
import { awsAccess } from '../action/aws-access.js';
import { snapshotInventoryReader } from '../commands/inventory-readers.js';
import { runPlan } from '../commands/plan.js';
import { renderFindingsText, tally, tallyLine } from '../report/findings-text.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import type { CliIo } from './main.js';

export interface PlanFlags {
  root?: string;
  format?: string;
  state?: string;
  accounts?: string;
  'as-of'?: string;
  prune?: boolean;
  out?: string;
  'fail-on'?: string;
  region?: string;
}

export async function cliPlan(manifest: string, flags: PlanFlags, io: CliIo): Promise<number> {
  const asOf = parseAsOf(flags['as-of'] ?? '', now(io.env));
  if (typeof asOf === 'string') {
    io.err(`iam-connections: ${asOf.replace('input "as-of"', '--as-of')}\n`);
    return 2;
  }
  const region = flags.region || io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || 'us-east-1';
  const result = await runPlan(manifest, {
    root: flags.root ?? io.cwd,
    env: io.env,
    accounts: (flags.accounts ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    now: asOf,
    ...(flags['as-of'] ? { generatedAt: now(io.env) } : {}),
    prune: flags.prune === true,
    reader: flags.state
      ? () => snapshotInventoryReader(flags.state as string)
      : awsAccess({ awsRegion: region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan').reader,
  });
  // Notices and acknowledged risks are validate's to list; here they would bury the plan.
  const loud = result.findings.filter((f) => f.severity !== 'notice' && !f.acknowledged);
  const findingsText = renderFindingsText(loud);
  if (findingsText) io.err(`${findingsText}\n`);
  if (result.findings.length) io.err(`${manifest}: ${tallyLine(tally(result.findings))} (see 'iam-connections validate' for all of them)\n\n`);
  for (const e of result.errors) io.err(`iam-connections: ${e}\n`);
  if (!result.plan) {
    if (!result.errors.length) io.err(`${manifest}: INVALID (${tallyLine(tally(result.findings))}); nothing was read\n`);
    return flags['fail-on'] === 'never' ? 0 : 1;
  }
  const plan = result.plan;
  if (flags.out) writeFileSync(flags.out, `${JSON.stringify(plan, null, 2)}\n`);
  if (flags.format === 'json') io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else if (flags.format === 'markdown') io.out(renderPlanMarkdown(plan, `iam-connections plan: \`${manifest}\``));
  else io.out(`${renderPlanText(plan)}\n`);
  for (const f of result.failures) io.err(`account ${f.account} was not read: ${f.message}\n`);
  if (flags['fail-on'] === 'never') return 0;
  if (result.failures.length) return 1;
  return plan.summary.drift && flags['fail-on'] === 'drift' ? 1 : 0;
}
