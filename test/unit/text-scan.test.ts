/** Issue 6: hand-written scans that replace slow regular expressions give exactly what the expressions gave. */
import fc from 'fast-check';
import { hasLowerUpper, isBlank, lastWord, someCapitalisedWord } from '../../src/util/text.js';
import { isWhiteSpace } from '../../src/render/builder.js';

const piece = fc.constantFrom('a', 'Z', 'é', 'Ĳ', 'ß', '𝒜', 'ǅ', '1', ' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\ufeff', '\u3000', '-', "'", '.', ',', '(', '😀', 'word', 'Beek');

describe('lastWord', () => {
  test('examples', () => {
    expect(['in Beek ', 'gemeente\u00a0', 'provincie Súdwest-Fryslân  ', 'van 12 ', 'end', '', ' ', 'x 𝒜𝒜 '].map(lastWord)).toEqual(['Beek', 'gemeente', 'Fryslân', '', '', '', '', '𝒜𝒜']);
  });
  test('equals /(\\p{L}+)\\s+$/u on random texts (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(lastWord(text)).toBe(/(\p{L}+)\s+$/u.exec(text)?.[1] ?? '');
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});

describe('isBlank', () => {
  test('equals removing every space run and comparing with the empty string (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(isBlank(text)).toBe(text.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/gu, '') === '');
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});

describe('hasLowerUpper', () => {
  test('equals /\\p{Ll}\\p{Lu}/u on random texts, ASCII and not (3,000 cases)', () => {
    const letters = fc.constantFrom('a', 'B', 'é', 'É', 'ĳ', 'Ĳ', 'ß', 'ǅ', '𝒜', '𝓪', ' ', '1', '–', 'x', 'Y');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(hasLowerUpper(text)).toBe(/\p{Ll}\p{Lu}/u.test(text));
      }),
      { numRuns: 3000, seed: 6 },
    );
    expect(['eenzaamheidBijna', 'coördinatieÉén', 'geen naden', 'ABC'].map(hasLowerUpper)).toEqual([true, true, false, false]);
  });
});

describe('someCapitalisedWord', () => {
  const words = (text: string): string[] => {
    const seen: string[] = [];
    someCapitalisedWord(text, (word) => (seen.push(word), false));
    return seen;
  };
  test('examples', () => {
    expect(words('Anna de Vries, McDonald en É. Émile; aB 𝒜bc X eenAnna')).toEqual(['Anna', 'Vries', 'McDonald', 'Émile', '𝒜bc', 'Anna']);
    expect(someCapitalisedWord('bel Anna of Piet', (w) => w === 'Piet')).toBe(true);
    expect(someCapitalisedWord('bel anna', () => true)).toBe(false);
  });
  test('visits exactly the matches of /\\p{Lu}\\p{L}+/gu on random texts (3,000 cases)', () => {
    const letters = fc.constantFrom('a', 'B', 'é', 'É', 'ĳ', 'Ĳ', 'ß', 'ǅ', '𝒜', '𝓪', ' ', '1', '–', 'x', 'Y', 'Anna', '\ud835', '\udc9c', '.', '-');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(words(text)).toEqual(text.match(/\p{Lu}\p{L}+/gu) ?? []);
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});

describe('isWhiteSpace', () => {
  test('equals /[\\s\\u00a0]/u on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /[\s\u00a0]/u.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
    expect([9, 32, 0xa0, 0x3000, 0xfeff, 0x200b, 65].map(isWhiteSpace)).toEqual([true, true, true, true, true, false, false]);
  });
});
