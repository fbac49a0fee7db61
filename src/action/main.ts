/**
 * The GitHub Action's front door: read the inputs, run the command, report through the
 * runner (log, annotations, job summary, outputs) and set the exit status of DESIGN.md section 3.
 */
import * as core from '@actions/core';
import { checkClockEnv, now } from '../clock.js';
import { type Inputs, parseInputs } from './inputs.js';
import { validate } from '../commands/validate.js';
import { tally, tallyLine } from '../report/findings-text.js';
import { missingRunnerFiles } from './files.js';
import { emitFindings } from './findings.js';

type ActionCommand = (inputs: Inputs, env: NodeJS.ProcessEnv) => Promise<number>;

/**
 * Each command's module, imported only when that command runs (cold start: `validate` must not
 * evaluate the AWS SDK, Octokit or libsodium). A new command adds one line here.
 */
const COMMAND_MODULES: Record<Inputs['command'], () => Promise<ActionCommand>> = {
  validate: async () => (await import('./validate.js')).actionValidate,
  plan: async () => (await import('./plan.js')).actionPlan,
  apply: async () => (await import('./apply.js')).actionApply,
  rotate: async () => (await import('./rotate.js')).actionRotate,
  discover: async () => (await import('./discover.js')).actionDiscover,
};

const WRITE_COMMANDS = new Set(['apply', 'rotate']);
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    // First, before any input is read: a simulated clock is said, a bad one stops the run.
    const clock = checkClockEnv(env);
    if (clock.error) {
      core.setFailed(`iam-connections: ${clock.error}`);
      return 1;
    }
    if (clock.notice) core.warning(clock.notice);
    const { inputs, errors } = parseInputs((name) => core.getInput(name), now(env));
    if (errors.length) {
      for (const e of errors) core.error(e);
      core.setFailed(`iam-connections: ${errors.length === 1 ? 'an input is' : 'inputs are'} invalid; nothing was done.`);
      return 1;
    }
    if (WRITE_COMMANDS.has(inputs.command) && PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
      core.setFailed(
        `iam-connections: "${inputs.command}" writes to AWS and refuses to run on ${env.GITHUB_EVENT_NAME} events: ` +
          'a pull request (possibly from a fork) must never change IAM. Run "validate" and "plan" on pull requests, ' +
          `and "${inputs.command}" on push to the default branch, a schedule or workflow_dispatch.`,
      );
      return 1;
    }
    const missing = missingRunnerFiles(env);
    if (missing.length) {
      // The validation result first (log and annotations only: no output can be written), then why nothing else ran.
      const result = validate(inputs.manifest, { root: env.GITHUB_WORKSPACE || process.cwd(), env });
      emitFindings(result.findings);
      core.info(`iam-connections validate: ${inputs.manifest} is ${result.ok ? 'valid' : 'INVALID'} (${tallyLine(tally(result.findings))}).`);
      const named = missing.map((m) => `${m.variable} names ${m.path}, which does not exist`).join('; ');
      core.setFailed(
        `iam-connections: ${named}. The runner creates this file before every step; without it the outputs and the job summary would be lost, so "${inputs.command}" did not run${inputs.command === 'validate' ? '' : ' (nothing was read from or written to AWS)'}. Run the action as a workflow step, or create the file.`,
      );
      return 1;
    }
    const run = await COMMAND_MODULES[inputs.command]();
    return await run(inputs, env);
  } catch (err) {
    // Anything unexpected: one clear line, the stack only in debug logs (never a secret either way).
    const e = err instanceof Error ? err : new Error(String(err));
    core.debug(e.stack ?? e.message);
    core.setFailed(`iam-connections: internal error: ${e.message}`);
    return 1;
  }
}
