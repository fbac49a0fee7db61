import { describeOddCharacter } from '../../src/text/chars.js';
import { didYouMean, editDistance, listChoices } from '../../src/text/suggest.js';

test('edit distance counts an adjacent swap as one edit', () => {
  expect(editDistance('rotateAfter', 'roatteAfter')).toBe(1);
  expect(editDistance('abc', 'abc')).toBe(0);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('kitten', 'sitting')).toBe(3);
});

test('didYouMean finds typos, case-insensitively, and stays quiet when nothing is close', () => {
  const keys = ['rotateAfter', 'overlap', 'deleteAfter', 'requireUnusedFor', 'force', 'deliver'];
  expect(didYouMean('rotateAftr', keys)).toBe('rotateAfter');
  expect(didYouMean('RotateAfter', keys)).toBe('rotateAfter');
  expect(didYouMean('delivr', keys)).toBe('deliver');
  expect(didYouMean('colour', keys)).toBeUndefined();
  // Short inputs get a small threshold: "ab" must not match every two-letter candidate.
  expect(didYouMean('ab', ['xy', 'cd'])).toBeUndefined();
  expect(didYouMean('prd', ['prod', 'staging'])).toBe('prod');
  expect(didYouMean('acount', ['ACCOUNT', 'account'])).toBe('account');
});

test('listChoices', () => {
  expect(listChoices(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  expect(listChoices(['a', 'b'], false, 'and')).toBe('a and b');
  expect(listChoices(['a'])).toBe('"a"');
});

test('odd characters are named with their code point', () => {
  expect(describeOddCharacter('vendor\u2010a')).toContain('U+2010');
  expect(describeOddCharacter('vendor\u2010a')).toContain('look-alike of "-"');
  expect(describeOddCharacter('a\tb')).toContain('control character U+0009');
  expect(describeOddCharacter('v\u00e9ndor')).toContain('non-ASCII');
  expect(describeOddCharacter('plain-name')).toBeUndefined();
});
