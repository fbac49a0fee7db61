/**
 * `iam-connections apply` and `rotate` on the command line: the standard AWS credential chain
 * (each account's role assumed from it), the same plan, executor and rotation as the action.
 * Keys for `output` sinks cannot be delivered outside a workflow: those deliveries fail and say so.
 */
import { parseAsOf } from '../action/inputs.js';
import { awsAccess } from '../action/aws-access.js';
import { type ApplyCommandResult, runApply } from '../commands/apply.js';
import { rotateAccounts, type RotateOptions } from '../commands/rotate.js';
import { runPlan } from '../commands/plan.js';
import { renderFindingsText, tally, tallyLine } from '../report/findings-text.js';
import { renderPlanText } from '../report/plan-text.js';
import { vendorHandoff } from '../report/vendor-handoff.js';
import { rotateReportText } from '../rotate/report.js';
import type { CliIo } from './main.js';
import type { PlanFlags } from './plan.js';

export async function cliWrite(command: 'apply' | 'rotate', manifest: string, flags: PlanFlags, io: CliIo): Promise<number> {
  const asOf = parseAsOf(flags['as-of'] ?? '', new Date());
  if (typeof asOf === 'string') {
    io.err(`iam-connections: ${asOf.replace('input "as-of"', '--as-of')}\n`);
    return 2;
  }
  if (flags.state) {
    io.err(`iam-connections: --state plans against a snapshot; ${command} needs the live accounts\n`);
    return 2;
  }
  const region = flags.region || io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || 'us-east-1';
  const access = awsAccess({ awsRegion: region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: io.env.GITHUB_TOKEN || undefined, mode: 'default-chain' }, io.env);
  const keys: Omit<RotateOptions, 'onlyKeyChanges' | 'now'> = {
    clients: access.rotateClients,
    region,
    runId: `cli-${process.pid}-${Date.now().toString(36)}`,
    mask: () => undefined, // nothing prints the secret: it goes only to the sinks
    log: (line) => io.err(`${line}\n`),
  };
  const base = {
    root: flags.root ?? io.cwd,
    env: io.env,
    accounts: (flags.accounts ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    now: asOf,
    prune: command === 'apply' && flags.prune === true,
    reader: access.reader,
  };
  const result: ApplyCommandResult = command === 'apply' ? await runApply(manifest, { ...base, clients: access.clients, keys, log: (l) => io.err(`${l}\n`) }) : await runPlan(manifest, base);

  const loud = result.findings.filter((f) => f.severity !== 'notice' && !f.acknowledged);
  if (loud.length) io.err(`${renderFindingsText(loud)}\n`);
  for (const e of result.errors) io.err(`iam-connections: ${e}\n`);
  if (!result.plan || !result.manifest) {
    if (!result.errors.length) io.err(`${manifest}: INVALID (${tallyLine(tally(result.findings))}); nothing was read or written\n`);
    return 1;
  }
  io.out(`${renderPlanText(result.plan)}\n`);
  for (const f of result.failures) io.err(`account ${f.account}: ${f.message}\n`);
  let failed = result.failures.length > 0;
  if (command === 'apply' && result.summary && result.apply) {
    io.out(`${result.summary.lines.join('\n')}\n`);
    if (result.keys) io.out(`${rotateReportText(result.keys).join('\n')}\n`);
    for (const h of vendorHandoff(result.manifest, result.selected, result.apply.roleArns, region)) {
      io.out(`give ${h.connection} (${h.account}): ${h.credential}${h.where.length ? `; ${h.where.join('; ')}` : ''}; region ${h.region}\n`);
    }
    failed ||= !result.summary.ok || (result.keys ?? []).some((k) => k.failed);
  } else if (command === 'rotate') {
    const rotated = await rotateAccounts(result, { ...keys, now: asOf });
    io.out(`${rotateReportText(rotated).join('\n')}\n`);
    failed ||= rotated.some((r) => r.failed);
  }
  return failed ? 1 : 0;
}
