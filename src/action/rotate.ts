/**
 * `rotate` in the action (the scheduled run): read the accounts, report drift, and move every
 * integration key one stage along its lifecycle. Exit 1 when any rotation step failed or an
 * account could not be read; the report says what happened and what happens next, and when.
 */
import * as core from '@actions/core';
import { runPlan } from '../commands/plan.js';
import { runRotate } from '../commands/rotate.js';
import { summarizeApply } from '../apply/executor.js';
import { publishDryRun } from './apply.js';
import { rotateReportMarkdown, rotateReportText } from '../rotate/report.js';
import { createProgressTicker } from '../progress/ticker.js';
import { feedThrottles } from '../progress/throttle-feed.js';
import { awsAccess } from './aws-access.js';
import { writeOutputFile } from './files.js';
import type { Inputs } from './inputs.js';
import { fail, planOptions, planReport, publishPlan } from './plan.js';
import { rotateOptions } from './rotate-glue.js';

export async function actionRotate(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  const access = awsAccess(inputs, env);
  // Rotation never deletes what left the manifest: that is apply's, with prune.
  const planned = await runPlan(inputs.manifest, { ...planOptions(inputs, env, access), prune: false });
  if (inputs.asOfGiven) {
    const { preview } = await runRotate(planned, { ...rotateOptions(inputs, env, access), now: inputs.asOf, dryRun: true });
    return publishDryRun('rotate', inputs, env, planned, preview ?? []);
  }
  const plan = await publishPlan('rotate', inputs, env, planned);
  if (!plan) return 1;
  // A progress line per account (users done / total, throttled, elapsed) every few seconds.
  const ticker = createProgressTicker({ emit: (line) => core.info(line) });
  const stopThrottleFeed = feedThrottles(ticker);
  let results;
  let retirement;
  try {
    ({ rotations: results, retirement } = await runRotate(planned, {
      ...rotateOptions(inputs, env, access),
      applyClients: access.clients,
      now: inputs.asOf,
      onAccountStart: (account, users) => ticker.begin(account, users, 'users'),
      onUserDone: (u) => ticker.advance(u.account, 1, u.status === 'failed' || u.status === 'locked' ? 1 : 0),
    }));
  } finally {
    for (const a of ticker.snapshot()) ticker.finish(a.account);
    stopThrottleFeed();
    ticker.stop();
  }
  core.startGroup('rotate: per user');
  for (const line of rotateReportText(results)) core.info(line);
  for (const r of results) if (r.error) core.error(`account ${r.account}: ${r.error}`);
  core.endGroup();
  const retired = retirement ? summarizeApply(retirement) : undefined;
  if (retired) {
    core.startGroup('rotate: expired temporary connections removed');
    for (const line of retired.lines) core.info(line);
    core.endGroup();
  }

  const retiredMarkdown = retired ? `\n### Expired temporary connections\n\n${retired.lines.map((l) => `- ${l}`).join('\n')}\n` : '';
  const markdown = `${rotateReportMarkdown(results)}${retiredMarkdown}\n${planReport('rotate', inputs, planned, plan).replace(/^## /m, '### Drift: ')}`;
  core.setOutput('report', writeOutputFile('rotate.md', markdown, env));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();

  const users = results.flatMap((r) => r.users);
  const locked = users.filter((u) => u.status === 'locked');
  const failed = results.filter((r) => r.error || r.users.some((u) => u.status === 'failed')).map((r) => r.account);
  for (const u of locked) core.warning(`${u.account}/${u.connection}: ${u.warnings.join(' ')}`);
  const problems = [
    ...(failed.length ? [`rotation failed in ${failed.join(', ')}`] : []),
    ...(locked.length ? [`${locked.length} user(s) skipped because another run holds their lock`] : []),
    ...(planned.failures.length ? [`${planned.failures.length} account(s) could not be read`] : []),
    ...(retired && retired.failed ? [`${retired.failed} change(s) removing expired temporary connections failed`] : []),
  ];
  if (problems.length) return fail(inputs, `iam-connections rotate: ${problems.join(' and ')}. Every step is idempotent: fix the cause and run rotate again.`);
  const changed = users.filter((u) => u.status === 'changed').length;
  core.info(`iam-connections rotate: ${changed} user(s) changed.`);
  return 0;
}
