import * as core from '@actions/core';

export async function runAction(): Promise<number> {
  const command = core.getInput('command') || 'plan';
  core.info(`iam-connections ${command}`);
  return 0;
}
