import { textFacts } from './text-facts';

describe('textFacts', () => {
  it.each([
    [
      'card digits in groups',
      'card 4111 1111-1111 1111',
      { digits: 16, longestDigitRun: 4, longestLooseDigitRun: 16, digitRuns: 4 },
    ],
    ['a spaced pair', 'Blk 95 199 Beach Road', { spacedDigitPair: true, ibanHead: false }],
    ['an IBAN head', 'IBAN DE89370400440532013000', { ibanHead: true }],
    ['an IBAN head too close to the end', 'xDE89', { ibanHead: false }],
    ['lower-case text with non-ASCII letters', 'zoë ólafsdóttir', { lowerCase: true }],
    ['a non-ASCII capital', 'zoë Ólafsdóttir', { lowerCase: false }],
    ['an ASCII capital', 'zoe Olafsdottir', { lowerCase: false }],
    ['punctuation counts', 'a@b.c:d #1\n', { ats: 1, dots: 1, colons: 1, hashes: 1, newlines: 1 }],
  ])('on %s', (_case, text, expected) => {
    expect(textFacts(text)).toMatchObject(expected);
  });
});
