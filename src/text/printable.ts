/**
 * Text from a manifest or policy file can carry control, bidirectional-override or invisible
 * characters (Trojan Source): shown raw, they reorder or hide parts of a log line or a comment.
 * Everything we print about user input goes through here, which names them instead.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => (ch === '\n' || ch === '\t' ? ch : `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`));
}
