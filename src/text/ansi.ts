/**
 * Terminal colour, by severity. A palette is passed down to the text renderers: the plain one
 * returns its input, so the same renderer makes the log text, the NO_COLOR text and the coloured
 * terminal text, and stripping the escapes from the coloured one gives the plain one exactly.
 */
import type { Severity } from '../plan/model.js';

export interface Palette {
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  ok(text: string): string;
  bad(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const red = wrap(31, 39);
const brightRed = wrap(91, 39);
const yellow = wrap(33, 39);
const cyan = wrap(36, 39);
const green = wrap(32, 39);
const bold = wrap(1, 22);
const dim = wrap(2, 22);

const BY_SEVERITY: Record<Severity, (t: string) => string> = {
  critical: (t) => bold(brightRed(t)),
  high: red,
  medium: yellow,
  low: cyan,
  info: dim,
};

export const PLAIN: Palette = { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t, ok: (t) => t, bad: (t) => t };

export const ANSI: Palette = { severity: (s, t) => BY_SEVERITY[s](t), bold, dim, ok: green, bad: (t) => bold(red(t)) };

/** Removes SGR escapes: what a coloured text reads as without colour. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Colour or not, in this order: `--no-color`; FORCE_COLOR (as Node reads it: set and not "0"
 * forces colour, "0" turns it off, and it outranks NO_COLOR); NO_COLOR (any non-empty value,
 * no-color.org); then whether the output is a terminal that is not TERM=dumb.
 */
export function wantColour(opts: { noColorFlag: boolean; env: Record<string, string | undefined>; isTTY: boolean }): boolean {
  if (opts.noColorFlag) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (opts.env.NO_COLOR) return false;
  return opts.isTTY && opts.env.TERM !== 'dumb';
}
