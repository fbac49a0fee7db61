/**
 * Names for characters that do not belong in IAM names, so a message can say *which* one:
 * a pasted en dash or a Cyrillic "а" looks right on screen and fails IAM's ASCII-only rule.
 */

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Common look-alikes of the ASCII characters IAM names allow. */
const LOOKALIKES: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00ad': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u200b': '(nothing)', '\ufeff': '(nothing)',
  '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0445': 'x', '\u0443': 'y',
  '\u0410': 'A', '\u0415': 'E', '\u041e': 'O', '\u0420': 'P', '\u0421': 'C', '\u0425': 'X', '\u041d': 'H',
  '\u0391': 'A', '\u0392': 'B', '\u0395': 'E', '\u039f': 'O', '\u03bf': 'o',
  '\uff0e': '.', '\u2024': '.', '\uff20': '@', '\uff3f': '_',
};

/**
 * Describes the first control or non-ASCII character in `value`, or undefined when there is none.
 * Never used on secrets: callers pass names, not values read from the environment.
 */
export function describeOddCharacter(value: string): string | undefined {
  let index = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) {
      return `character ${index + 1} is the invisible control character ${codePoint(ch)}`;
    }
    if (cp > 0x7e) {
      const like = LOOKALIKES[ch];
      return like === undefined
        ? `character ${index + 1} is the non-ASCII character ${codePoint(ch)}; IAM names are ASCII only`
        : `character ${index + 1} is ${codePoint(ch)}, a non-ASCII look-alike of "${like}"; type it again in ASCII`;
    }
    index++;
  }
  return undefined;
}
