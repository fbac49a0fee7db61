#!/usr/bin/env node
/**
 * One bundle, two front doors: on a GitHub runner (GITHUB_ACTIONS=true) without arguments it is
 * the GitHub Action, reading `INPUT_*` as the runner sets them; everywhere else, and with
 * arguments, it is the CLI (`iam-connections validate -m x`), so running it bare on a laptop
 * prints the usage instead of silently acting as the action.
 */
// Each front door is imported only when taken, and each of them imports its command's module only
// when that command runs: `validate` never evaluates the AWS SDK, Octokit or libsodium (ncc emits
// every dynamic import as its own chunk beside dist/index.js).

// `iam-connections validate | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const args = process.argv.slice(2);
const onRunner = process.env.GITHUB_ACTIONS === 'true';
process.exitCode = args.length === 0 && onRunner ? await (await import('./action/main.js')).runAction() : await (await import('./cli/main.js')).runCli(args);
