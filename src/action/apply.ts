/**
 * `apply` in the action: the plan of this run, then the executor. Exit 1 when any change
 * failed or an account could not be read; the report says what was done and what was not.
 */
import * as core from '@actions/core';
import { runApply } from '../commands/apply.js';
import { roleArns } from '../commands/plan.js';
import { renderHandoffMarkdown, vendorHandoff } from '../report/vendor-handoff.js';
import { escapeCell } from '../report/findings-markdown.js';
import { rotateReportMarkdown, rotateReportText } from '../rotate/report.js';
import { createProgressTicker } from '../progress/ticker.js';
import { feedThrottles } from '../progress/throttle-feed.js';
import { awsAccess } from './aws-access.js';
import { rotateOptions } from './rotate-glue.js';
import { writeOutputFile } from './files.js';
import type { Inputs } from './inputs.js';
import { fail, planOptions, planReport, publishPlan } from './plan.js';
import { dryRunBanner } from '../commands/preview.js';
import type { ApplyCommandResult } from '../commands/apply.js';

export async function actionApply(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  const access = awsAccess(inputs, env);
  // Accounts run at once, so their lines are kept and shown as one log group each at the end;
  // meanwhile a progress line (done / total, throttled, elapsed) comes every few seconds.
  const ticker = createProgressTicker({ emit: (line) => core.info(line) });
  const stopThrottleFeed = feedThrottles(ticker);
  const lines = new Map<string, string[]>();
  let result;
  try {
    result = await runApply(inputs.manifest, {
      ...planOptions(inputs, env, access),
      dryRun: inputs.asOfGiven,
      clients: access.clients,
      keys: rotateOptions(inputs, env, access),
      log: (line) => {
        const account = /^(\S+?)[:/ ]/.exec(line)?.[1] ?? '';
        lines.set(account, [...(lines.get(account) ?? []), line]);
      },
      onPlan: (plan) => {
        for (const a of plan.accounts) ticker.begin(a.account, a.changes.filter((c) => c.action !== 'none').length, 'changes');
      },
      onOutcome: (o) => ticker.advance(o.account, 1, o.status === 'failed' ? 1 : 0),
    });
  } finally {
    for (const a of ticker.snapshot()) ticker.finish(a.account);
    stopThrottleFeed();
    ticker.stop();
  }
  for (const [account, mine] of lines) {
    core.startGroup(`${account || 'apply'}: ${mine.length} change(s)`);
    for (const l of mine) core.info(l);
    core.endGroup();
  }
  if (result.preview) return publishDryRun('apply', inputs, env, result, result.preview);
  const plan = await publishPlan('apply', inputs, env, result);
  if (!plan || !result.apply || !result.summary || !result.manifest) return 1;

  const arns = { ...roleArns(result.manifest, result.selected), ...result.apply.roleArns };
  core.setOutput('role-arns', JSON.stringify(arns));
  core.info(result.summary.lines[0] ?? '');

  // First keys are made by the rotation path below, not by the executor.
  const keysMade = result.keys !== undefined;
  const outcomes = result.apply.accounts
    .flatMap((a) => a.outcomes)
    .filter((o) => !(keysMade && o.resource.type === 'access-key' && o.status === 'skipped' && o.action === 'create'));
  const keyFailures = (result.keys ?? []).filter((k) => k.failed).length;
  if (result.keys) for (const line of rotateReportText(result.keys)) core.info(line);
  let markdown = planReport('apply', inputs, result, plan);
  markdown += `\n### Apply\n\n${result.summary.lines[0]}\n\n`;
  if (outcomes.length) {
    markdown += '| | account | change | note |\n|---|---|---|---|\n';
    for (const o of outcomes) {
      const icon = o.status === 'done' ? ':white_check_mark:' : o.status === 'failed' ? ':x:' : ':fast_forward:';
      markdown += `| ${icon} ${o.status} | ${escapeCell(o.account)} | ${o.action} ${o.resource.type} \`${escapeCell(o.resource.name)}\` | ${escapeCell(o.message ?? '')} |\n`;
    }
  }
  if (result.keys?.length) markdown += `\n${rotateReportMarkdown(result.keys).replace(/^## iam-connections rotate/m, '### First access keys')}`;
  markdown += `\n${renderHandoffMarkdown(vendorHandoff(result.manifest, result.selected, arns, inputs.awsRegion))}`;
  core.setOutput('report', writeOutputFile('apply.md', markdown, env));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();

  const failures = [
    ...(result.summary.failed ? [`${result.summary.failed} change(s) failed`] : []),
    ...(result.failures.length ? [`${result.failures.length} account(s) could not be read`] : []),
    ...(keyFailures ? [`first access keys failed in ${keyFailures} account(s)`] : []),
  ];
  if (failures.length) return fail(inputs, `iam-connections apply: ${failures.join(' and ')}; ${result.summary.done} change(s) done. Fix the cause and run apply again: it continues where this run stopped.`);
  core.info(`iam-connections apply: ${result.summary.done} change(s) done.`);
  return 0;
}

/**
 * A dry run's report (apply or rotate with `as-of`): the plan's outputs except role ARNs, the
 * banner first in the log and the summary, then every "would" line. Exit 0 unless the plan
 * itself could not be made or an account could not be read.
 */
export async function publishDryRun(command: 'apply' | 'rotate', inputs: Inputs, env: NodeJS.ProcessEnv, result: ApplyCommandResult, preview: readonly string[]): Promise<number> {
  const banner = dryRunBanner({ asOf: inputs.asOf });
  core.info(banner);
  const plan = await publishPlan(command, inputs, env, result, { roleArns: false });
  if (!plan) return 1;
  core.startGroup(`${command}: what would happen as of ${plan.asOf}`);
  for (const line of preview.length ? preview : ['nothing would change']) core.info(line);
  core.endGroup();
  let markdown = `> **${banner}**\n\n`;
  markdown += `### What ${command} would do as of ${plan.asOf}\n\n${preview.length ? preview.map((l) => `- ${escapeCell(l)}`).join('\n') : 'Nothing would change.'}\n\n`;
  markdown += planReport(command, inputs, result, plan);
  core.setOutput('report', writeOutputFile(`${command}.md`, markdown, env));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  if (result.failures.length) return fail(inputs, `iam-connections ${command} (dry run): ${result.failures.length} account(s) could not be read; nothing was written.`);
  core.info(`iam-connections ${command}: ${banner}.`);
  return 0;
}
