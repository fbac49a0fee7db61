import { printable } from '../../src/text/printable.js';

test('control, bidi-override and invisible characters are named, not printed', () => {
  expect(printable('user\u202Eevil')).toBe('user<U+202E>evil');
  expect(printable('a\u0000b\u200Bc\u0007')).toBe('a<U+0000>b<U+200B>c<U+0007>');
  expect(printable('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
});

test('ordinary text, including non-ASCII letters, is left alone', () => {
  expect(printable('Cyrillic а and é are visible')).toBe('Cyrillic а and é are visible');
});
