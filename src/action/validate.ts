import * as core from '@actions/core';
import { validate } from '../commands/validate.js';
import { accountMatrix } from '../commands/matrix.js';
import { renderFindingsMarkdown } from '../report/findings-markdown.js';
import { tally, tallyLine } from '../report/findings-text.js';
import { renderSarif } from '../report/sarif.js';
import { VERSION } from '../version.js';
import { writeOutputFile } from './files.js';
import { emitFindings } from './findings.js';
import type { Inputs } from './inputs.js';

export async function actionValidate(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<number> {
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const result = validate(inputs.manifest, { root, env });
  emitFindings(result.findings);

  const markdown = renderFindingsMarkdown(`iam-connections validate: \`${inputs.manifest}\``, result.findings);
  core.setOutput('report', writeOutputFile('validate.md', markdown, env));
  const sarif = renderSarif(result.findings, undefined, { toolVersion: VERSION, manifestFile: inputs.manifest, root });
  core.setOutput('sarif', writeOutputFile('validate.sarif', `${JSON.stringify(sarif, null, 2)}\n`, env));
  if (result.manifest) core.setOutput('matrix', JSON.stringify(accountMatrix(result.manifest.accounts.map((a) => a.name), inputs.shards)));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();

  const line = tallyLine(tally(result.findings));
  if (!result.ok) {
    core.setFailed(`iam-connections validate: ${line}.`);
    return 1;
  }
  core.info(`iam-connections validate: ${inputs.manifest} is valid (${line}).`);
  return 0;
}
