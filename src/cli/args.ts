/**
 * The command line's own small parser: each command accepts only its options, and a mistake is
 * answered with what was meant (`--fromat` -> did you mean "--format"?) instead of Node's
 * generic parseArgs error. Grammar, as gh and terraform users expect: `--name value`,
 * `--name=value`, `-m value`, `-h`; booleans take no value (`--prune=true` is refused, so a
 * typo never silently means false); `--` ends the options.
 */
import { didYouMean } from '../text/suggest.js';

export interface OptionSpec {
  name: string;
  short?: string;
  /** Absent: a boolean flag. */
  arg?: string;
  help: string;
  /** Other spellings that set the same option (`--auto-approve` for `--yes`). */
  aliases?: string[];
}

export type ParsedValues = Record<string, string | boolean | undefined>;

export type ParseResult = { ok: true; values: ParsedValues; positionals: string[] } | { ok: false; message: string };

function lookup(options: readonly OptionSpec[], name: string): OptionSpec | undefined {
  return options.find((o) => o.name === name || o.aliases?.includes(name));
}

/** Every spelling a user may type, for suggestions. */
function spellings(options: readonly OptionSpec[]): string[] {
  return options.flatMap((o) => [`--${o.name}`, ...(o.aliases ?? []).map((a) => `--${a}`), ...(o.short ? [`-${o.short}`] : [])]);
}

/**
 * `known` lists options other commands accept: typing one of those gets "not an option of
 * validate" rather than a misleading typo suggestion.
 */
export function parseCommandLine(argv: readonly string[], options: readonly OptionSpec[], command: string, known: readonly OptionSpec[] = []): ParseResult {
  const values: ParsedValues = {};
  const positionals: string[] = [];
  const unknown = (token: string): ParseResult => {
    const flag = token.split('=')[0] ?? token;
    const elsewhere = lookup(known, flag.replace(/^--?/, '')) ?? known.find((o) => o.short !== undefined && `-${o.short}` === flag);
    if (elsewhere && !lookup(options, elsewhere.name)) return { ok: false, message: `${flag} is not an option of ${command} (see 'iam-connections ${command} --help')` };
    const hint = didYouMean(flag, spellings(options));
    return { ok: false, message: `unknown option ${flag}${hint ? `: did you mean ${hint}?` : ''} (see 'iam-connections ${command} --help')` };
  };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
      if (eq >= 0) inline = token.slice(eq + 1);
      spec = lookup(options, name);
    } else if (token.startsWith('-') && token.length > 1) {
      spec = options.find((o) => o.short !== undefined && token === `-${o.short}`);
    } else {
      positionals.push(token);
      continue;
    }
    if (!spec) return unknown(token);
    if (spec.arg === undefined) {
      if (inline !== undefined) return { ok: false, message: `--${spec.name} takes no value (write just --${spec.name})` };
      values[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('-') && value.length > 1)) {
      return { ok: false, message: `--${spec.name} needs a value: --${spec.name} ${spec.arg}` };
    }
    if (inline === undefined) i++;
    values[spec.name] = value;
  }
  return { ok: true, values, positionals };
}
