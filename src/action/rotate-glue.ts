/** What the action gives a rotation: the runner's masking and outputs, a run id for the lock. */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { RotateOptions } from '../commands/rotate.js';
import type { AwsAccess } from './aws-access.js';
import type { Inputs } from './inputs.js';

export function rotateOptions(inputs: Inputs, env: NodeJS.ProcessEnv, access: AwsAccess): Omit<RotateOptions, 'onlyKeyChanges' | 'now'> {
  return {
    clients: access.rotateClients,
    region: inputs.awsRegion,
    runId: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${randomBytes(3).toString('hex')}`,
    // The runner masks the secret in every later line of the log from here on.
    mask: (secret) => core.setSecret(secret),
    log: (line) => core.info(line),
    setOutput: (name, value) => core.setOutput(name, value),
  };
}
