/**
 * `iam-connections apply` and `rotate` on the command line, as terraform does it: the full plan
 * first; on a terminal, a question that only `yes` answers; without a terminal (CI) they
 * proceed; `--yes`/`--auto-approve` skips the question; `--dry-run` stops after the plan,
 * having read and never written. The standard AWS credential chain, each
 * account's role assumed from it; the same plan, executor and rotation as the action. Keys for
 * `output` sinks cannot be delivered outside a workflow: those deliveries fail and say so.
 */
import { randomBytes } from 'node:crypto';
import { now } from '../clock.js';
import { awsAccess } from '../action/aws-access.js';
import { type ApplyCommandResult, applyPlanned } from '../commands/apply.js';
import { type PlanCommandResult, runPlan } from '../commands/plan.js';
import { type AccountRotation, runRotate, type RotateOptions } from '../commands/rotate.js';
import { summarizeApply } from '../apply/executor.js';
import { applyPreview, dryRunBanner } from '../commands/preview.js';
import type { Plan } from '../plan/model.js';
import { summarize } from '../plan/summary.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import { renderHandoffMarkdown, vendorHandoff } from '../report/vendor-handoff.js';
import { rotateReportMarkdown, rotateReportText } from '../rotate/report.js';
import type { ParsedValues } from './args.js';
import { type CommandContext, str } from './context.js';
import { planOptions, reportPlanProblems } from './plan.js';
import { workflowRuns } from '../github/workflow-runs.js';
import { holderLiveness } from '../rotate/lock-holder.js';
import { holderId } from '../rotate/lock-tag.js';

/** What rotate works on: the key changes of the plan (the rest is apply's). */
export function keyPlan(plan: Plan): Plan {
  const accounts = plan.accounts.map((a) => ({ ...a, changes: a.changes.filter((c) => c.resource.type === 'access-key'), watched: [] }));
  return { ...plan, accounts, summary: summarize(accounts.flatMap((a) => a.changes)) };
}

function keysFor(access: ReturnType<typeof awsAccess>, region: string, io: CommandContext['io']): Omit<RotateOptions, 'onlyKeyChanges' | 'now'> {
  return {
    clients: access.rotateClients,
    region,
    clockNow: () => now(io.env),
    runId: holderId(io.env, randomBytes(3).toString('hex')),
    lock: { liveness: holderLiveness(io.env.GITHUB_TOKEN ? workflowRuns(io.env.GITHUB_TOKEN, io.env) : undefined) },
    mask: () => undefined, // nothing prints the secret: it goes only to the sinks
    log: (line) => io.err(`${line}\n`),
  };
}

/** The terraform question. Resolves true only for exactly `yes`. */
async function confirm(ctx: CommandContext, command: string): Promise<boolean> {
  const { io } = ctx;
  // The question goes where the plan went: stdout for text, stderr when stdout carries JSON or Markdown.
  const ask = ctx.format === 'text' ? io.out : io.err;
  ask(
    `\nDo you want to perform these actions?\n  iam-connections will ${command === 'apply' ? 'perform the actions described above' : 'rotate the keys described above'}.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `,
  );
  const answer = io.readLine ? await io.readLine() : undefined;
  ask('\n');
  return answer === 'yes';
}

export async function cliWrite(command: 'apply' | 'rotate', ctx: CommandContext, values: ParsedValues): Promise<number> {
  const { io, manifest, format } = ctx;
  const opts = planOptions(ctx, values, command);
  if (!opts.ok) return 2;
  const region = opts.region;
  // A date other than now only previews (DESIGN.md section 3): apply and rotate write only on the real clock.
  const asOfText = str(values, 'as-of');
  const preview = asOfText !== undefined && asOfText !== 'now';
  const dryRun = values['dry-run'] === true || preview;
  const access = awsAccess({ awsRegion: region, audience: 'sts.amazonaws.com', roleToAssume: undefined, githubToken: io.env.GITHUB_TOKEN || undefined, mode: 'default-chain' }, io.env);
  const base = { ...opts.base, prune: command === 'apply' && opts.base.prune, reader: access.reader, organization: access.organization };
  const planned = await runPlan(manifest, base);
  if (!reportPlanProblems(ctx, planned, 'nothing was read or written') || !planned.plan) {
    if (format === 'json') io.out(`${JSON.stringify(jsonResult(command, planned, { dryRun, confirmed: false }), null, 2)}\n`);
    return 1;
  }
  const shown = command === 'rotate' ? keyPlan(planned.plan) : planned.plan;
  const willAsk = !dryRun && values.yes !== true && io.interactive === true;
  if (format === 'text') io.out(`${renderPlanText(shown, ctx.palette)}\n`);
  else if (willAsk) io.err(`${renderPlanText(shown)}\n`);
  for (const f of planned.failures) io.err(`account ${f.account} was not read: ${f.message}\n`);

  const say = (line: string): void => (format === 'text' ? io.out(`${line}\n`) : io.err(`${line}\n`));
  if (dryRun) {
    if (format === 'text') {
      const lines = command === 'apply' ? applyPreview(planned.plan) : ((await runRotate(planned, { ...keysFor(access, region, io), now: opts.base.now, dryRun: true })).preview ?? []);
      io.out(`${(lines.length ? lines : ['nothing would change']).join('\n')}\n`);
    }
    say(`${dryRunBanner(preview ? { asOf: opts.base.now } : {})}; the plan above was read from the accounts.`);
    emitStructured(ctx, command, planned, shown, { dryRun, confirmed: false });
    return planned.failures.length ? 1 : 0;
  }
  const nothingPlanned = command === 'apply' && planned.plan.summary.changes === 0;
  if (nothingPlanned) {
    say('No changes: the accounts match the manifest; nothing to apply.');
    emitStructured(ctx, command, planned, shown, { dryRun, confirmed: false });
    return planned.failures.length ? 1 : 0;
  }
  if (willAsk) {
    if (!(await confirm(ctx, command))) {
      io.err(`iam-connections ${command}: cancelled (the answer was not "yes"); nothing was written.\n`);
      return 1;
    }
  }

  const keys = keysFor(access, region, io);
  let failed = planned.failures.length > 0;
  if (command === 'apply') {
    const result = await applyPlanned(manifest, planned, { ...base, clients: access.clients, keys, log: (l) => io.err(`${l}\n`) });
    for (const f of result.failures.slice(planned.failures.length)) io.err(`account ${f.account}: ${f.message}\n`);
    failed ||= result.failures.length > 0 || result.summary?.ok === false || (result.keys ?? []).some((k) => k.failed);
    const arns = { ...(result.apply?.roleArns ?? {}) };
    const handoff = result.manifest ? vendorHandoff(result.manifest, result.selected, arns, region) : [];
    if (format === 'json') io.out(`${JSON.stringify({ ...jsonResult(command, result, { dryRun, confirmed: true }), ...applyJson(result), handoff, ok: !failed }, null, 2)}\n`);
    else if (format === 'markdown') {
      io.out(renderPlanMarkdown(planned.plan, `iam-connections apply: \`${manifest}\``));
      io.out(`\n### Apply\n\n${(result.summary?.lines ?? []).map((l) => `- ${l}`).join('\n')}\n`);
      if (result.keys?.length) io.out(`\n${rotateReportMarkdown(result.keys).replace(/^## iam-connections rotate/m, '### First access keys')}`);
      io.out(`\n${renderHandoffMarkdown(handoff)}`);
    } else {
      if (result.summary) io.out(`${result.summary.lines.join('\n')}\n`);
      if (result.keys?.length) io.out(`${rotateReportText(result.keys).join('\n')}\n`);
      for (const h of handoff) io.out(`give ${h.connection} (${h.account}): ${h.credential}${h.where.length ? `; ${h.where.join('; ')}` : ''}; region ${h.region}\n`);
    }
  } else {
    const { rotations: rotated, retirement } = await runRotate(planned, { ...keys, now: opts.base.now, applyClients: access.clients });
    failed ||= rotated.some((r) => r.failed);
    const retired = retirement ? summarizeApply(retirement) : undefined;
    failed ||= retired?.ok === false;
    if (format === 'json') io.out(`${JSON.stringify({ ...jsonResult(command, planned, { dryRun, confirmed: true }), plan: shown, rotation: rotated, ok: !failed }, null, 2)}\n`);
    else if (format === 'markdown') {
      io.out(renderPlanMarkdown(shown, `iam-connections rotate: \`${manifest}\``));
      io.out(`\n${rotateReportMarkdown(rotated)}`);
    } else io.out(`${rotateReportText(rotated).join('\n') || 'No connection in these accounts declares an access key.'}\n`);
    if (retired) io.out(`expired temporary connections: ${retired.lines.join('\n')}\n`);
    for (const r of rotated as AccountRotation[]) if (r.error) io.err(`account ${r.account}: rotation did not start: ${r.error}\n`);
  }
  return failed ? 1 : 0;
}

/**
 * The JSON result of apply and rotate (README, "CLI"): `command`, `ok`, `dryRun`, `confirmed`,
 * `plan` (the plan file's shape), `findings`, `errors`, `failures` (accounts not read); apply adds
 * `outcomes`, `counts`, `keys`, `roleArns` and `handoff`; rotate adds `rotation`. No secret is
 * in any of them: the plan and the results hold masked key IDs and external ID placeholders.
 */
function jsonResult(command: string, r: PlanCommandResult, flags: { dryRun: boolean; confirmed: boolean }) {
  return {
    command,
    ok: r.plan !== undefined && r.failures.length === 0,
    dryRun: flags.dryRun,
    confirmed: flags.confirmed,
    manifest: r.plan?.manifest,
    plan: r.plan ?? null,
    findings: r.findings,
    errors: r.errors,
    failures: r.failures,
  };
}

function applyJson(r: ApplyCommandResult) {
  return {
    outcomes: (r.apply?.accounts ?? []).flatMap((a) => a.outcomes),
    counts: r.summary ? { done: r.summary.done, failed: r.summary.failed, notRun: r.summary.skipped } : null,
    keys: r.keys ?? [],
    roleArns: r.apply?.roleArns ?? {},
  };
}

/** Dry runs and "nothing to do" in json or markdown: the plan alone. */
function emitStructured(ctx: CommandContext, command: string, planned: PlanCommandResult, shown: Plan, flags: { dryRun: boolean; confirmed: boolean }): void {
  if (ctx.format === 'json') ctx.io.out(`${JSON.stringify({ ...jsonResult(command, planned, flags), plan: shown }, null, 2)}\n`);
  else if (ctx.format === 'markdown') ctx.io.out(renderPlanMarkdown(shown, `iam-connections ${command}${flags.dryRun ? ' (dry run)' : ''}: \`${ctx.manifest}\``));
}
