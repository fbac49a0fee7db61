/** What the action gives a rotation: the runner's masking and outputs, a run id for the lock. */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { now } from '../clock.js';
import type { RotateOptions } from '../commands/rotate.js';
import { workflowRuns } from '../github/workflow-runs.js';
import { holderLiveness } from '../rotate/lock-holder.js';
import { holderId } from '../rotate/lock-tag.js';
import type { AwsAccess } from './aws-access.js';
import type { Inputs } from './inputs.js';

export function rotateOptions(inputs: Inputs, env: NodeJS.ProcessEnv, access: AwsAccess): Omit<RotateOptions, 'onlyKeyChanges' | 'now'> {
  return {
    clients: access.rotateClients,
    region: inputs.awsRegion,
    clockNow: () => now(env),
    // The lock names this workflow run, so another run can ask GitHub whether it ended (actions: read).
    runId: holderId(env, randomBytes(3).toString('hex')),
    lock: { liveness: holderLiveness(inputs.githubToken ? workflowRuns(inputs.githubToken, env) : undefined) },
    // The runner masks the secret in every later line of the log from here on.
    mask: (secret) => core.setSecret(secret),
    log: (line) => core.info(line),
    setOutput: (name, value) => core.setOutput(name, value),
  };
}
