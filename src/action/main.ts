/**
 * The GitHub Action's front door: read the inputs, run the command, report through the
 * runner (log, annotations, job summary, outputs) and set the exit status of DESIGN.md section 3.
 */
import * as core from '@actions/core';
import { parseInputs } from './inputs.js';
import { actionApply } from './apply.js';
import { actionPlan } from './plan.js';
import { actionRotate } from './rotate.js';
import { actionValidate } from './validate.js';

const WRITE_COMMANDS = new Set(['apply', 'rotate']);
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    // IAM_CONNECTIONS_NOW (DESIGN.md section 3) replaces the clock for tests and demos; a run that honours it says so first.
    const fixed = env.IAM_CONNECTIONS_NOW;
    const now = fixed ? new Date(fixed) : new Date();
    if (fixed) {
      if (Number.isNaN(now.getTime())) {
        core.setFailed(`iam-connections: IAM_CONNECTIONS_NOW is "${fixed}"; it must be an ISO-8601 instant such as 2027-03-01T12:00:00Z. Nothing was done.`);
        return 1;
      }
      core.info(`iam-connections: the clock is IAM_CONNECTIONS_NOW=${now.toISOString()} (tests and demos only), not the real time.`);
    }
    const { inputs, errors } = parseInputs((name) => core.getInput(name), now);
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
    switch (inputs.command) {
      case 'validate':
        return await actionValidate(inputs, env);
      case 'plan':
        return await actionPlan(inputs, env);
      case 'apply':
        return await actionApply(inputs, env);
      case 'rotate':
        return await actionRotate(inputs, env);
    }
  } catch (err) {
    // Anything unexpected: one clear line, the stack only in debug logs (never a secret either way).
    const e = err instanceof Error ? err : new Error(String(err));
    core.debug(e.stack ?? e.message);
    core.setFailed(`iam-connections: internal error: ${e.message}`);
    return 1;
  }
}
