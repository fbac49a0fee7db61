/** `iam-connections plan` on the command line: a snapshot or the live accounts, to the terminal. */
import { writeFileSync } from 'node:fs';
import { parseAsOf } from '../action/inputs.js';
import { now } from '../clock.js';
import { awsAccess } from '../action/aws-access.js';
import { snapshotInventoryReader } from '../commands/inventory-readers.js';
import { type PlanCommandOptions, type PlanCommandResult, runPlan } from '../commands/plan.js';
import { isBlocking } from '../diagnostics.js';
import { renderFindingsText, tally, tallyLine } from '../report/findings-text.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';

/** The options plan, apply and rotate share, or the usage error (exit 2) that refuses them. */
export function planOptions(ctx: CommandContext, values: ParsedValues, command: string): { ok: true; base: Omit<PlanCommandOptions, 'reader'>; region: string } | { ok: false } {
  const { io } = ctx;
  const asOf = parseAsOf(str(values, 'as-of') ?? '', now(io.env));
  if (typeof asOf === 'string') {
    io.err(`iam-connections ${command}: ${asOf.replace('input "as-of"', '--as-of')}\n`);
    return { ok: false };
  }
  const failOn = str(values, 'fail-on') ?? 'error';
  if (!['error', 'drift', 'never'].includes(failOn)) {
    io.err(`iam-connections ${command}: --fail-on must be error, drift or never, not "${failOn}"\n`);
    return { ok: false };
  }
  return {
    ok: true,
    region: str(values, 'region') || io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || 'us-east-1',
    base: {
      root: str(values, 'root') ?? io.cwd,
      env: io.env,
      accounts: (str(values, 'accounts') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      now: asOf,
      ...(str(values, 'as-of') ? { generatedAt: now(io.env) } : {}),
      prune: values.prune === true,
    },
  };
}

/**
 * Findings, option errors and a missing plan, to stderr. Returns false when there is no plan
 * (invalid manifest or bad options): nothing was read.
 */
export function reportPlanProblems(ctx: CommandContext, result: PlanCommandResult, nothing: string): boolean {
  const { io, manifest } = ctx;
  // Only what stops the plan is listed here; warnings, notices and acknowledged risks are
  // validate's to list (the tally says how many), or they would bury the plan on every run.
  const loud = result.findings.filter(isBlocking);
  const findingsText = renderFindingsText(loud);
  if (findingsText) io.err(`${findingsText}\n`);
  if (result.findings.length) io.err(`${manifest}: ${tallyLine(tally(result.findings))} (see 'iam-connections validate' for all of them)\n\n`);
  for (const e of result.errors) io.err(`iam-connections: ${e.replace('input "accounts"', '--accounts')}\n`);
  for (const n of result.notes ?? []) io.err(`iam-connections: note: ${n}\n`);
  if (result.plan && result.manifest) return true;
  if (!result.errors.length) io.err(`${manifest}: ${ctx.palette.bad('INVALID')} (${tallyLine(tally(result.findings))}); ${nothing}\n`);
  return false;
}

export async function cliPlan(ctx: CommandContext, values: ParsedValues): Promise<number> {
  const { io, manifest } = ctx;
  const opts = planOptions(ctx, values, 'plan');
  if (!opts.ok) return 2;
  const state = str(values, 'state');
  const failOn = str(values, 'fail-on') ?? 'error';
  const access = awsAccess({ awsRegion: opts.region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: undefined, mode: 'default-chain' }, io.env, 'plan');
  const result = await runPlan(manifest, {
    ...opts.base,
    // A snapshot plan reads nothing live, the organisation included.
    ...(state ? { reader: () => snapshotInventoryReader(state) } : { reader: access.reader, organization: access.organization }),
  });
  if (!reportPlanProblems(ctx, result, 'nothing was read') || !result.plan) return failOn === 'never' ? 0 : 1;
  const plan = result.plan;
  const out = str(values, 'out');
  if (out) writeFileSync(out, `${JSON.stringify(plan, null, 2)}\n`);
  if (ctx.format === 'json') io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else if (ctx.format === 'markdown') io.out(renderPlanMarkdown(plan, `iam-connections plan: \`${manifest}\``));
  else io.out(`${renderPlanText(plan, ctx.palette)}\n`);
  for (const f of result.failures) io.err(`account ${f.account} was not read: ${f.message}\n`);
  if (failOn === 'never') return 0;
  if (result.failures.length) return 1;
  return plan.summary.drift && failOn === 'drift' ? 1 : 0;
}
