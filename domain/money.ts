// Money as integer kopecks: rates and amounts are exact, and each rounding is
// an explicit step (half up, to the kopeck) rather than float drift. Also the
// Russian way of writing amounts, done by hand so the text is the same in
// Node, in every browser and in tests, whatever their ICU data.

/** An amount in kopecks (integer). */
export type Kop = number;

const NBSP = '\u00a0';

/** round(a × b / d) half away from zero, exact for any size (BigInt inside). */
export function mulDivRound(a: number, b: number, d: number): number {
  for (const [name, v] of Object.entries({ a, b, d })) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`mulDivRound: ${name} must be a safe integer, got ${v}`);
  }
  if (d === 0) throw new RangeError('mulDivRound: division by zero');
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(d);
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const m = den < 0n ? -den : den;
  const q = (2n * n + m) / (2n * m);
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('mulDivRound: result is too large');
  return result;
}

/**
 * '2 155,09' / '2155.09' / '19745' → kopecks, exactly (no float on the way).
 * Spaces (also no-break and thin) group thousands; at most two decimals.
 */
export function parseRubToKop(text: string): Kop | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A number of roubles (from JSON or a numeric column) → kopecks, when it has at most two decimals. */
export function rubToKop(rub: number): Kop | null {
  if (!Number.isFinite(rub) || rub < 0) return null;
  // The decimal text of a JS number is its shortest exact representation: 2155.09 stays '2155.09'.
  return parseRubToKop(String(rub).includes('e') ? rub.toFixed(2) : String(rub));
}

export const kopToRub = (kop: Kop): number => kop / 100;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 2 155,09 ₽; whole roubles drop the kopecks unless `kopecks: 'always'`: 19 745 ₽ / 19 745,00 ₽. */
export function formatKop(kop: Kop, opts: { kopecks?: 'always' | 'when-needed' } = {}): string {
  const sign = kop < 0 ? '−' : '';
  const abs = Math.abs(kop);
  const rub = groupThousands(String(Math.floor(abs / 100)));
  const cents = String(abs % 100).padStart(2, '0');
  const showCents = opts.kopecks === 'always' || cents !== '00';
  return `${sign}${rub}${showCents ? `,${cents}` : ''}${NBSP}₽`;
}

/** 0,15 · 12,5 · 1 500 — a quantity written the Russian way, up to `maxDecimals` decimals. */
export function formatQuantity(value: number, maxDecimals = 3): string {
  const fixed = value.toFixed(maxDecimals).replace(/\.?0+$/, '');
  const [whole = '0', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '−' : '';
  return `${sign}${groupThousands(whole.replace('-', ''))}${fraction ? `,${fraction}` : ''}`;
}

/** Kopecks as the decimal text a numeric column takes: 215509 → '2155.09'. */
export function kopToDecimal(kop: Kop): string {
  if (!Number.isSafeInteger(kop)) throw new RangeError(`Not an amount in kopecks: ${kop}`);
  const abs = Math.abs(kop);
  return `${kop < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
