/**
 * `plan` in the action: reach every selected account through GitHub OIDC, diff, and report.
 * Exit status (DESIGN.md section 3): 0 clean; 0 with drift unless `fail-on: drift`; 1 when any
 * account could not be read or the manifest is invalid (unless `fail-on: never`). An unread
 * account makes the `drift` output `unknown`, never `false`.
 */
import * as core from '@actions/core';
import { now as clockNow } from '../clock.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatLocation } from '../diagnostics.js';
import { accountMatrix } from '../commands/matrix.js';
import type { TrustedAccounts } from '../commands/trusted-accounts.js';
import { createGitHubClient } from '../github/comments.js';
import { readFileAtCommit } from '../github/contents.js';
import { readRunContext } from '../github/context.js';
import { parseManifestAccounts } from '../manifest/load.js';
import { type PlanCommandOptions, type PlanCommandResult, roleArns, runPlan } from '../commands/plan.js';
import type { Plan } from '../plan/model.js';
import { driftState } from '../plan/summary.js';
import { renderFindingsMarkdown } from '../report/findings-markdown.js';
import { tally, tallyLine } from '../report/findings-text.js';
import { renderAccessGraph } from '../report/mermaid.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { notReadHeadline } from '../report/not-read.js';
import { renderPlanText } from '../report/plan-text.js';
import { renderSarif } from '../report/sarif.js';
import { VERSION } from '../version.js';
import { type AwsAccess, awsAccess } from './aws-access.js';
import { postPlanComment } from './comment.js';
import { writeOutputFile } from './files.js';
import { emitFindings } from './findings.js';
import type { Inputs } from './inputs.js';

/** The plan every command starts from, as the inputs ask for it. */
export function planOptions(inputs: Inputs, env: NodeJS.ProcessEnv, access: AwsAccess): PlanCommandOptions {
  return {
    root: env.GITHUB_WORKSPACE || process.cwd(),
    env,
    accounts: inputs.accounts,
    now: inputs.asOf,
    ...(inputs.asOfGiven ? { generatedAt: clockNow() } : {}),
    prune: inputs.prune,
    reader: access.reader,
    organization: access.organization,
  };
}

export async function actionPlan(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  let trustedAccounts;
  try {
    trustedAccounts = await trustedBaseAccounts(inputs, env);
  } catch (err) {
    return fail(inputs, `iam-connections plan: ${err instanceof Error ? err.message : String(err)}. Nothing was read from AWS.`);
  }
  if (trustedAccounts) core.info(`Accounts and roles come from ${trustedAccounts.source}, not from the pull request; only planRoles are assumed.`);
  const result = await runPlan(inputs.manifest, { ...planOptions(inputs, env, awsAccess(inputs, env, 'plan')), ...(trustedAccounts ? { trustedAccounts } : {}) });
  const plan = await publishPlan('plan', inputs, env, result);
  if (!plan) return 1;
  const markdown = planReport('plan', inputs, result, plan);
  core.setOutput('report', writeOutputFile('plan.md', markdown, env));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  await postPlanComment(inputs, env, plan, result.manifest, result.findings);

  const unread = notReadHeadline(plan);
  if (unread) {
    // DESIGN.md section 3: any failure to read is an error; `fail-on: never` only keeps the step green.
    return fail(inputs, `iam-connections plan: ${unread.title} (${unread.notRead.map((n) => n.account).join(', ')}), so drift is unknown; ${plan.summary.changes} change(s) planned in the accounts read.`);
  }
  if (plan.summary.drift && inputs.failOn === 'drift') {
    return fail(inputs, `iam-connections plan: drift in ${plan.accounts.filter((a) => a.changes.length).length} account(s) and fail-on is "drift".`);
  }
  core.info(`iam-connections plan: ${plan.summary.drift ? `${plan.summary.changes} change(s) planned` : 'no drift'}.`);
  return 0;
}

/** Events where the run holds the base repository's credentials but may plan a fork's files. */
const FORK_STAGE_EVENTS = new Set(['workflow_run', 'pull_request_target']);

/**
 * On `workflow_run` and `pull_request_target`, the accounts and roles of the base branch's
 * manifest, read at the base commit through the contents API (README: "fork pull requests in
 * two stages"). Undefined on every other event. Throws with what to do when they cannot be read.
 */
export async function trustedBaseAccounts(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<TrustedAccounts | undefined> {
  if (!FORK_STAGE_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  const ctx = readRunContext(env);
  const ref = ctx.trustedBase;
  if (!ref) {
    throw new Error(`on ${ctx.eventName} events plan reads the accounts and roles from the base branch's manifest, but the base commit is unknown (no pull_request.base.sha in the event, no GITHUB_SHA)`);
  }
  if (!inputs.githubToken) {
    throw new Error(`on ${ctx.eventName} events plan reads the accounts and roles from the base branch's manifest, which needs the github-token input (with contents: read)`);
  }
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const path = relative(root, resolve(root, inputs.manifest)).split(sep).join('/');
  if (path.startsWith('../') || isAbsolute(path)) throw new Error(`input "manifest" (${inputs.manifest}) is outside the repository, so the base branch's copy cannot be found`);
  const text = await readFileAtCommit(createGitHubClient(inputs.githubToken, env), { owner: ctx.owner, repo: ctx.repo, path, ref });
  const source = `${path} at ${ref.slice(0, 12)} (the base branch)`;
  const parsed = parseManifestAccounts(text, `${path}@${ref.slice(0, 12)}`);
  if (!parsed.accounts) {
    const first = parsed.findings.find((f) => f.severity === 'error');
    throw new Error(`the accounts of ${source} cannot be read${first ? ` (${formatLocation(first.location)}: ${first.message})` : ''}: fix the manifest on the base branch first`);
  }
  return { accounts: parsed.accounts, source };
}

/**
 * What plan and apply share: findings, account failures and the plan through the runner, and
 * the plan's outputs. Returns the plan, or undefined when there is none (the step has failed).
 */
export async function publishPlan(command: string, inputs: Inputs, env: NodeJS.ProcessEnv, result: PlanCommandResult, opts: { roleArns?: boolean } = {}): Promise<Plan | undefined> {
  emitFindings(result.findings, result.plan);
  for (const e of result.errors) core.error(e);
  for (const n of result.notes ?? []) core.notice(n);
  if (!result.plan) {
    const markdown = renderFindingsMarkdown(`iam-connections ${command}: \`${inputs.manifest}\` is not valid`, result.findings);
    core.setOutput('report', writeOutputFile(`${command}.md`, markdown, env));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    const why = result.errors.length ? result.errors.join('; ') : `${tallyLine(tally(result.findings))}; nothing was read from or written to AWS`;
    fail(inputs, `iam-connections ${command}: ${why}.`);
    return undefined;
  }
  const plan = result.plan;
  for (const f of result.failures) core.error(`account ${f.account} was not read: ${f.message}`);
  core.info(renderPlanText(plan));
  const root = env.GITHUB_WORKSPACE || process.cwd();
  core.setOutput('plan', writeOutputFile('plan.json', `${JSON.stringify(plan, null, 2)}\n`, env));
  core.setOutput('drift', driftState(plan));
  core.setOutput('changes', String(plan.summary.changes));
  // A dry run creates no role: it gives out no ARN a vendor could be handed.
  if (result.manifest && opts.roleArns !== false) core.setOutput('role-arns', JSON.stringify(roleArns(result.manifest, result.selected)));
  core.setOutput('matrix', JSON.stringify(accountMatrix(result.selected, inputs.shards)));
  const sarif = renderSarif(result.findings, plan, { toolVersion: VERSION, manifestFile: inputs.manifest, root });
  core.setOutput('sarif', writeOutputFile(`${command}.sarif`, `${JSON.stringify(sarif, null, 2)}\n`, env));
  return plan;
}

/** The Markdown report of a plan: summary, changes, unread accounts, findings, the picture. */
export function planReport(command: string, inputs: Inputs, result: PlanCommandResult, plan: Plan): string {
  // The unread accounts lead the plan's own headline (renderPlanMarkdown).
  let markdown = renderPlanMarkdown(plan, `iam-connections ${command}: \`${inputs.manifest}\``);
  if (result.findings.length) markdown += `\n${renderFindingsMarkdown('Manifest findings', result.findings)}`;
  if (result.manifest) markdown += `\n### Who can reach what\n\n${renderAccessGraph(result.manifest, plan)}\n`;
  return markdown;
}

/** `fail-on: never` reports the failure but keeps the step green. */
export function fail(inputs: Inputs, message: string): number {
  if (inputs.failOn === 'never') {
    core.warning(`${message} (fail-on is "never": the step does not fail)`);
    return 0;
  }
  core.setFailed(message);
  return 1;
}
