#!/usr/bin/env node
/**
 * One bundle, two front doors: with arguments it is the CLI (`iam-connections validate -m x`),
 * without them it is the GitHub Action, reading `INPUT_*` as the runner sets them.
 */
import { runAction } from './action/main.js';
import { runCli } from './cli/main.js';

// `iam-connections validate | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const args = process.argv.slice(2);
process.exitCode = args.length > 0 ? await runCli(args) : await runAction();
