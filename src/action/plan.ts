/**
 * `plan` in the action: reach every selected account through GitHub OIDC, diff, and report.
 * Exit status (DESIGN.md section 3): 0 clean; 0 with drift unless `fail-on: drift`; 1 when any
 * account could not be read or the manifest is invalid (unless `fail-on: never`).
 */
import * as core from '@actions/core';
import { createCredentialResolver } from '../aws/credentials.js';
import { liveInventoryReader } from '../commands/inventory-readers.js';
import { accountMatrix, roleArns, runPlan } from '../commands/plan.js';
import { renderFindingsMarkdown } from '../report/findings-markdown.js';
import { tally, tallyLine } from '../report/findings-text.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import { writeOutputFile } from './files.js';
import { emitFindings } from './findings.js';
import type { Inputs } from './inputs.js';

export async function actionPlan(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const result = await runPlan(inputs.manifest, {
    root,
    env,
    accounts: inputs.accounts,
    now: inputs.asOf,
    prune: inputs.prune,
    reader: (manifest, selected) => {
      if (inputs.roleToAssume && selected.length > 1) {
        throw new Error(
          `input "role-to-assume" replaces the manifest's role for a single-account run, but ${selected.length} accounts are selected (${selected.join(', ')}): set "accounts" to one of them`,
        );
      }
      const resolver = createCredentialResolver({
        accounts: manifest.accounts,
        region: inputs.awsRegion,
        audience: inputs.audience,
        ...(inputs.roleToAssume ? { roleToAssume: inputs.roleToAssume } : {}),
        env,
      });
      return liveInventoryReader({ resolver, region: inputs.awsRegion });
    },
  });

  emitFindings(result.findings);
  for (const e of result.errors) core.error(e);
  if (!result.plan) {
    const markdown = renderFindingsMarkdown(`iam-connections plan: \`${inputs.manifest}\` is not valid`, result.findings);
    core.setOutput('report', writeOutputFile('plan.md', markdown, env));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    const why = result.errors.length ? result.errors.join('; ') : `${tallyLine(tally(result.findings))}; nothing was read from AWS`;
    return fail(inputs, `iam-connections plan: ${why}.`);
  }

  const plan = result.plan;
  for (const f of result.failures) core.error(`account ${f.account}: ${f.message}`);
  core.info(renderPlanText(plan));
  if (result.failures.length) {
    core.info(`The plan covers ${result.selected.length - result.failures.length} of ${result.selected.length} account(s): ${result.failures.map((f) => f.account).join(', ')} could not be read, so their drift is unknown.`);
  }

  let markdown = renderPlanMarkdown(plan, `iam-connections plan: \`${inputs.manifest}\``);
  if (result.failures.length) {
    markdown += `\n### Accounts not read\n\n${result.failures.map((f) => `- **${f.account}**: ${f.message}`).join('\n')}\n`;
  }
  if (result.findings.length) markdown += `\n${renderFindingsMarkdown('Manifest findings', result.findings)}`;
  core.setOutput('plan', writeOutputFile('plan.json', `${JSON.stringify(plan, null, 2)}\n`, env));
  core.setOutput('report', writeOutputFile('plan.md', markdown, env));
  core.setOutput('drift', String(plan.summary.drift));
  core.setOutput('changes', String(plan.summary.changes));
  if (result.manifest) core.setOutput('role-arns', JSON.stringify(roleArns(result.manifest, result.selected)));
  core.setOutput('matrix', JSON.stringify(accountMatrix(result.selected)));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();

  if (result.failures.length) {
    return fail(inputs, `iam-connections plan: ${result.failures.length} of ${result.selected.length} account(s) could not be read; the plan covers the others.`);
  }
  if (plan.summary.drift && inputs.failOn === 'drift') {
    return fail(inputs, `iam-connections plan: drift in ${plan.accounts.filter((a) => a.changes.length).length} account(s) and fail-on is "drift".`);
  }
  core.info(`iam-connections plan: ${plan.summary.drift ? `${plan.summary.changes} change(s) planned` : 'no drift'}.`);
  return 0;
}

/** `fail-on: never` reports the failure but keeps the step green. */
function fail(inputs: Inputs, message: string): number {
  if (inputs.failOn === 'never') {
    core.warning(`${message} (fail-on is "never": the step does not fail)`);
    return 0;
  }
  core.setFailed(message);
  return 1;
}
