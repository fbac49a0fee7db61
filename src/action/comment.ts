/**
 * The sticky pull-request comment. It never fails the step: a fork's read-only token, a 403 or
 * GitHub being down become a notice, and the full report is always in the job summary.
 */
import * as core from '@actions/core';
import { createGitHubClient, upsertPlanComment } from '../github/comments.js';
import { readRunContext } from '../github/context.js';
import type { Finding } from '../diagnostics.js';
import type { Manifest } from '../manifest/model.js';
import type { Plan } from '../plan/model.js';
import { renderPlanComment } from '../report/comment.js';
import type { Inputs } from './inputs.js';

/** One comment per manifest and target: a sharded run comments per shard. */
export function commentTarget(inputs: Inputs): string {
  return inputs.accounts.length ? `${inputs.manifest}#${inputs.accounts.join(',')}` : inputs.manifest;
}

export async function postPlanComment(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  plan: Plan,
  manifest: Manifest | undefined,
  findings: Finding[],
): Promise<void> {
  if (inputs.comment === 'never') return;
  let ctx;
  try {
    ctx = readRunContext(env);
  } catch (err) {
    core.notice(`No plan comment: ${(err as Error).message}`);
    return;
  }
  if (inputs.pullRequest !== undefined) ctx = { ...ctx, prNumber: inputs.pullRequest };
  if (ctx.prNumber === undefined) {
    if (inputs.comment === 'always') core.notice(`No plan comment: this ${ctx.eventName || 'run'} event has no pull request to comment on; the report is in the job summary.`);
    return;
  }
  if (ctx.isFork && ctx.eventName === 'pull_request') {
    core.notice(
      'No plan comment: the pull request comes from a fork, whose token cannot write comments. The full report is in the job summary; ' +
        'for public repositories see the README for the two-stage workflow_run pattern.',
    );
    return;
  }
  if (!inputs.githubToken) {
    core.notice('No plan comment: the github-token input is empty. The full report is in the job summary.');
    return;
  }
  const target = commentTarget(inputs);
  const summaryUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const result = await upsertPlanComment(createGitHubClient(inputs.githubToken, env), {
    owner: ctx.owner,
    repo: ctx.repo,
    issueNumber: ctx.prNumber,
    mode: inputs.commentMode,
    marker: { target, head: ctx.headSha, generatedAt: plan.generatedAt },
    body: (previous) =>
      renderPlanComment(plan, manifest, {
        target,
        headSha: ctx.headSha,
        generatedAt: plan.generatedAt,
        findings,
        ...(summaryUrl ? { summaryUrl } : {}),
        previouslyDrifted: previous?.drift === true,
      }),
  });
  if (result.identity) core.info(`Plan comments are those written by ${result.identity.login} (${result.identity.how}).`);
  if (result.ignored) {
    core.notice(
      `Ignored ${result.ignored} comment(s) carrying the iam-connections marker for ${target} that ${result.identity?.login ?? 'this token'} did not write: ` +
        'anyone who can comment can copy the marker, so only our own comment is ever updated.',
    );
  }
  switch (result.action) {
    case 'created':
    case 'updated':
    case 'unchanged':
      core.info(`Plan comment ${result.action}${result.url ? `: ${result.url}` : ''}.`);
      break;
    case 'skipped-older':
      core.notice(result.message ?? 'The plan comment is for a newer commit: left as it is.');
      break;
    case 'denied':
      core.notice(`${result.message ?? 'The token cannot write pull request comments.'} The full report is in the job summary.`);
      break;
    default:
      core.warning(`${result.message ?? 'The plan comment could not be written.'} The full report is in the job summary.`);
  }
}
