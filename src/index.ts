/**
 * One bundle, two front doors: with arguments it is the CLI (`iam-connections validate -m x`),
 * without them it is the GitHub Action, reading `INPUT_*` as the runner sets them.
 */
import { runAction } from './action.js';
import { runCli } from './cli.js';

const args = process.argv.slice(2);
const code = args.length > 0 ? await runCli(args) : await runAction();
process.exitCode = code;
