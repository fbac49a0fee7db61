/** What every command of the command line receives: its streams, environment and output style. */
import type { Palette } from '../text/ansi.js';
import type { ParsedValues } from './args.js';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout is a terminal: colour by default. */
  stdoutIsTTY?: boolean;
  /** stdin and stdout are both a terminal: apply and rotate ask before writing. */
  interactive?: boolean;
  /** One line typed by the user (without its newline); undefined at end of input. */
  readLine?: () => Promise<string | undefined>;
}

export type Format = 'text' | 'json' | 'markdown';

/** What every command receives once its options are parsed. */
export interface CommandContext {
  manifest: string;
  format: Format;
  palette: Palette;
  io: CliIo;
}

export function str(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

