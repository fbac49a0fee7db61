/**
 * `discover` in the action: the same read as plan (planner roles through GitHub OIDC), doors in
 * the log and the job summary, and the outputs `report` (Markdown), `doors` (JSON) and `sarif`.
 * Read-only: it runs on pull requests too. 1 when the manifest is invalid or an account was not read.
 */
import * as core from '@actions/core';
import { runDiscover } from '../commands/discover.js';
import { renderFindingsMarkdown } from '../report/findings-markdown.js';
import { tally, tallyLine } from '../report/findings-text.js';
import { renderDiscoverSarif } from '../report/discover-sarif.js';
import { renderDiscoverMarkdown, renderDiscoverText } from '../report/discover-text.js';
import { VERSION } from '../version.js';
import { awsAccess } from './aws-access.js';
import { writeOutputFile } from './files.js';
import { emitFindings } from './findings.js';
import type { Inputs } from './inputs.js';
import { planOptions } from './plan.js';

export async function actionDiscover(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  const result = await runDiscover(inputs.manifest, planOptions(inputs, env, awsAccess(inputs, env, 'plan')));
  emitFindings(result.findings);
  for (const e of result.errors) core.error(e);
  const discovery = result.discovery;
  if (!discovery) {
    const markdown = renderFindingsMarkdown(`iam-connections discover: \`${inputs.manifest}\` is not valid`, result.findings);
    core.setOutput('report', writeOutputFile('discover.md', markdown, env));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    const why = result.errors.length ? result.errors.join('; ') : `${tallyLine(tally(result.findings))}; nothing was read from AWS`;
    core.setFailed(`iam-connections discover: ${why}.`);
    return 1;
  }
  for (const f of result.failures) core.error(`account ${f.account} was not read: ${f.message}`);
  core.info(renderDiscoverText(discovery));
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const markdown = renderDiscoverMarkdown(discovery, `iam-connections discover: \`${inputs.manifest}\``);
  core.setOutput('report', writeOutputFile('discover.md', markdown, env));
  core.setOutput('doors', writeOutputFile('doors.json', `${JSON.stringify(discovery, null, 2)}\n`, env));
  const sarif = renderDiscoverSarif(discovery, { toolVersion: VERSION, manifestFile: inputs.manifest, root });
  core.setOutput('sarif', writeOutputFile('discover.sarif', `${JSON.stringify(sarif, null, 2)}\n`, env));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  if (result.failures.length > 0) {
    core.setFailed(`iam-connections discover: ${result.failures.length} account(s) were not read (${result.failures.map((f) => f.account).join(', ')}), so their doors are unknown.`);
    return 1;
  }
  core.info(`iam-connections discover: ${discovery.summary.doors} door(s), ${discovery.summary.undeclared} not declared.`);
  return 0;
}
