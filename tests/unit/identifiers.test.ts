import { describe, expect, it } from 'vitest';
import {
  formatSnils,
  isValidInn10,
  isValidInn12,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidSnils,
  maskInn,
  maskSnils,
  normalizeDigits,
} from '../../domain/identifiers';

/** Every variant of `valid` with exactly one digit replaced by another. */
function singleDigitChanges(valid: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < valid.length; i++) {
    for (const digit of '0123456789') {
      if (digit !== valid[i]) out.push(valid.slice(0, i) + digit + valid.slice(i + 1));
    }
  }
  return out;
}

const swap = (s: string, i: number, j: number) => {
  const a = [...s];
  [a[i], a[j]] = [a[j]!, a[i]!];
  return a.join('');
};

describe('normalizeDigits', () => {
  it('strips separators people type or paste', () => {
    expect(normalizeDigits('112-233-445 95')).toBe('11223344595');
    expect(normalizeDigits(' 7707 083 893 ')).toBe('7707083893');
    expect(normalizeDigits('112\u00A0233\u2011445\u200B95')).toBe('11223344595');
    expect(normalizeDigits('112.233.445–95')).toBe('11223344595');
  });

  it('keeps letters and other characters so the schema can reject them', () => {
    expect(normalizeDigits('112-233-44O 95')).toBe('11223344O95');
    expect(normalizeDigits('12/34')).toBe('12/34');
  });
});

describe('СНИЛС', () => {
  it('accepts a valid number', () => {
    expect(isValidSnils('11223344595')).toBe(true);
  });

  it('rejects every single-digit change and a swap of neighbours', () => {
    for (const wrong of singleDigitChanges('11223344595')) expect(isValidSnils(wrong), wrong).toBe(false);
    expect(isValidSnils(swap('11223344595', 1, 2))).toBe(false);
    expect(isValidSnils(swap('11223344595', 6, 8))).toBe(false);
  });

  it('maps sums of 100 and 101 to check number 00, larger sums mod 101', () => {
    // 9·9 + 8·2 + 7·0 + 6·0 + 5·0 + 4·0 + 3·1 + 2·0 + 1·0 = 100
    expect(isValidSnils('92000010000')).toBe(true);
    // 101 → 00
    expect(isValidSnils('92000010100')).toBe(true);
    // 9·(9 + 8 + … + 1) = 405, 405 mod 101 = 1
    expect(isValidSnils('99999999901')).toBe(true);
    expect(isValidSnils('99999999900')).toBe(false);
  });

  it('turns a remainder of 100 into 00', () => {
    // sum 201: 201 mod 101 = 100 → 00. 9·9 + 8·9 + 7·6 + 6·1 = 81 + 72 + 42 + 6 = 201
    expect(isValidSnils('99610000000')).toBe(true);
  });

  it('does not check numbers at or below 001-001-998', () => {
    expect(isValidSnils('00100199812')).toBe(true);
    expect(isValidSnils('00000000000')).toBe(true);
    // 001-001-999: the check applies (sum 1·7 + 1·4 + 9·3 + 9·2 + 9·1 = 65)
    expect(isValidSnils('00100199965')).toBe(true);
    expect(isValidSnils('00100199912')).toBe(false);
  });

  it('requires exactly 11 digits', () => {
    expect(isValidSnils('1122334459')).toBe(false);
    expect(isValidSnils('112233445950')).toBe(false);
    expect(isValidSnils('112-233-445 95')).toBe(false);
    expect(isValidSnils('')).toBe(false);
  });

  it('formats and masks without revealing the whole number', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('112 233 445 95')).toBe('112-233-445 95');
    expect(formatSnils('123')).toBe('123');
    expect(maskSnils('11223344595')).toBe('***-***-445 95');
    expect(maskSnils('112-233-445 95')).toBe('***-***-445 95');
    expect(maskSnils('1122334459')).toBe('***-***-*** **');
  });
});

describe('ИНН', () => {
  it('accepts a legal entity ИНН (ПАО Сбербанк) and rejects near misses', () => {
    expect(isValidInn10('7707083893')).toBe(true);
    for (const wrong of singleDigitChanges('7707083893')) expect(isValidInn10(wrong), wrong).toBe(false);
    expect(isValidInn10(swap('7707083893', 2, 3))).toBe(false);
    expect(isValidInn10(swap('7707083893', 8, 9))).toBe(false);
  });

  it('accepts an individual ИНН and rejects near misses', () => {
    expect(isValidInn12('500100732259')).toBe(true);
    for (const wrong of singleDigitChanges('500100732259')) expect(isValidInn12(wrong), wrong).toBe(false);
    expect(isValidInn12(swap('500100732259', 10, 11))).toBe(false);
    expect(isValidInn12(swap('500100732259', 5, 6))).toBe(false);
  });

  it('does not accept one kind for the other', () => {
    expect(isValidInn10('500100732259')).toBe(false);
    expect(isValidInn12('7707083893')).toBe(false);
    expect(isValidInn10('77070838a3')).toBe(false);
  });

  it('masks all but the last four digits', () => {
    expect(maskInn('7707083893')).toBe('******3893');
    expect(maskInn('500100732259')).toBe('********2259');
    expect(maskInn('123')).toBe('***');
  });
});

describe('КПП', () => {
  it('accepts digits or capital Latin letters in the reason code', () => {
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('77360Z001')).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(isValidKpp('7736ab001')).toBe(false);
    expect(isValidKpp('7736АВ001')).toBe(false); // Cyrillic А and В look the same
    expect(isValidKpp('A73601001')).toBe(false);
    expect(isValidKpp('7736010A1')).toBe(false);
    expect(isValidKpp('77360100')).toBe(false);
    expect(isValidKpp('7736010011')).toBe(false);
  });
});

describe('ОГРН and ОГРНИП', () => {
  it('accepts a valid ОГРН (ПАО Сбербанк) and rejects near misses', () => {
    expect(isValidOgrn('1027700132195')).toBe(true);
    for (const wrong of singleDigitChanges('1027700132195')) expect(isValidOgrn(wrong), wrong).toBe(false);
    expect(isValidOgrn(swap('1027700132195', 11, 12))).toBe(false);
  });

  it('accepts a valid ОГРНИП and rejects near misses', () => {
    // 30450011600015 mod 13, by long division over the digits
    // 3→3, 30→4, 44→5, 55→3, 30→4, 40→1, 11→11, 111→7, 76→11, 110→6, 60→8, 80→2, 21→8, 85→7
    // → check digit 7.
    const remainder = [...'30450011600015'].reduce((r, c) => (r * 10 + Number(c)) % 13, 0);
    expect(remainder).toBe(7);
    expect(isValidOgrnip('304500116000157')).toBe(true);
    for (const wrong of singleDigitChanges('304500116000157')) expect(isValidOgrnip(wrong), wrong).toBe(false);
    expect(isValidOgrnip(swap('304500116000157', 13, 14))).toBe(false);
  });

  it('maps a remainder of 10 to check digit 0', () => {
    // 10^11 ≡ −1 ≡ 10 (mod 11), and 11 ≡ 0, so 100000000011 leaves 10.
    expect(BigInt('100000000011') % 11n).toBe(10n);
    expect(isValidOgrn('1000000000110')).toBe(true);
    expect(isValidOgrn('1000000000111')).toBe(false);
  });

  it('requires the exact length', () => {
    expect(isValidOgrn('102770013219')).toBe(false);
    expect(isValidOgrn('304500116000157')).toBe(false);
    expect(isValidOgrnip('1027700132195')).toBe(false);
    expect(isValidOgrnip('30450011600015a')).toBe(false);
  });
});
