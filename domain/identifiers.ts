// Russian identifiers (СНИЛС, ИНН, КПП, ОГРН, ОГРНИП): checksums and safe display.
// The validators expect already normalised input and return false, never
// throw, on anything malformed: the zod schemas report length and letters
// with their own messages before the checksum is looked at.

/**
 * Removes what people type or paste between digits: spaces (also non-breaking
 * and zero-width ones), hyphens and dashes, dots. Letters and other characters
 * stay so that validation can say "only digits" instead of silently fixing them.
 */
export function normalizeDigits(s: string): string {
  return s.replace(/[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212.]/gu, '');
}

const digitsOf = (d: string): number[] => Array.from(d, Number);

/** Σ digit·weight, mod 11, mod 10: the scheme shared by both kinds of ИНН. */
function innCheckDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  return (sum % 11) % 10;
}

/** The border below which СНИЛС numbers were issued without a meaningful check number. */
const SNILS_UNCHECKED_MAX = 1_001_998;

export function isValidSnils(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  if (Number(d.slice(0, 9)) <= SNILS_UNCHECKED_MAX) return true;
  const sum = digitsOf(d.slice(0, 9)).reduce((acc, digit, i) => acc + digit * (9 - i), 0);
  const check = sum < 100 ? sum : sum <= 101 ? 0 : (sum % 101) % 100;
  return check === Number(d.slice(9));
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН of a legal entity. */
export function isValidInn10(d: string): boolean {
  if (!/^\d{10}$/.test(d)) return false;
  const digits = digitsOf(d);
  return innCheckDigit(digits, INN10_WEIGHTS) === digits[9];
}

/** ИНН of an individual or a sole entrepreneur. */
export function isValidInn12(d: string): boolean {
  if (!/^\d{12}$/.test(d)) return false;
  const digits = digitsOf(d);
  return innCheckDigit(digits, INN12_WEIGHTS_11) === digits[10] && innCheckDigit(digits, INN12_WEIGHTS_12) === digits[11];
}

/** КПП: NNNNPPNNN, where PP (the reason code) may be digits or capital Latin letters. */
export function isValidKpp(d: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(d);
}

// BigInt keeps the arithmetic exact whatever the length; 15 digits still fit a
// double, but nobody should have to check that when reading the code.
function registryCheckDigitOk(d: string, length: number, modulus: bigint): boolean {
  if (d.length !== length || !/^\d+$/.test(d)) return false;
  const check = (BigInt(d.slice(0, -1)) % modulus) % 10n;
  return check === BigInt(d.slice(-1));
}

export function isValidOgrn(d: string): boolean {
  return registryCheckDigitOk(d, 13, 11n);
}

export function isValidOgrnip(d: string): boolean {
  return registryCheckDigitOk(d, 15, 13n);
}

/** '11223344595' → '112-233-445 95'; anything that is not 11 digits is returned as given. */
export function formatSnils(d: string): string {
  const s = normalizeDigits(d);
  if (!/^\d{11}$/.test(s)) return d;
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}`;
}

/**
 * '11223344595' → '***-***-445 95': enough for the owner to recognise the
 * number, never the whole of it. Malformed input is masked completely, since
 * it may still be someone's real number with a typo.
 */
export function maskSnils(d: string): string {
  const s = normalizeDigits(d);
  if (!/^\d{11}$/.test(s)) return '***-***-*** **';
  return `***-***-${s.slice(6, 9)} ${s.slice(9)}`;
}

/** '7707083893' → '******3893': only the last four characters are shown. */
export function maskInn(d: string): string {
  const s = normalizeDigits(d);
  if (s.length <= 4) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 4) + s.slice(-4);
}
