/**
 * Exact arithmetic for published scores: fractions of BigInts (never a binary float in a sum),
 * and a fixed-point decimal for what is published. 73.3 is `{ scaled: 733, places: 1 }`.
 */
export interface Rational {
  num: bigint;
  den: bigint;
}

export interface Fixed {
  /** The value × 10^places, an integer. */
  scaled: number;
  places: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let [n, d] = [BigInt(num), BigInt(den)];
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

/**
 * The decimal a JavaScript number is written as (its shortest round-trip form): 16.67 is
 * exactly 1667/100, not the binary double nearest to it. Admin-entered weights and scores are
 * decimals, so this is the value the admin meant.
 */
export function fromDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa, exponent = '0'] = String(x).toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = BigInt(`${whole}${fraction}`.replace('+', ''));
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? rational(digits * 10n ** BigInt(shift)) : rational(digits, 10n ** BigInt(-shift));
}

export const add = (a: Rational, b: Rational) => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const multiply = (a: Rational, b: Rational) => rational(a.num * b.num, a.den * b.den);
export const divide = (a: Rational, b: Rational) => rational(a.num * b.den, a.den * b.num);
export const sum = (values: Rational[]) => values.reduce(add, rational(0));
export const compare = (a: Rational, b: Rational) => Math.sign(Number(a.num * b.den - b.num * a.den));

/** Rounds half-up at `places` decimals: ⌊x·10^places + ½⌋ (a tie goes towards +∞). */
export function roundHalfUp(x: Rational, places: number): Fixed {
  const scale = 10n ** BigInt(places);
  const twice = 2n * x.num * scale + x.den;
  const denominator = 2n * x.den;
  const floor = twice >= 0n ? twice / denominator : -((-twice + denominator - 1n) / denominator);
  return { scaled: Number(floor), places };
}

export const fixedToNumber = (f: Fixed) => f.scaled / 10 ** f.places;
export const fixedToString = (f: Fixed) => (f.scaled / 10 ** f.places).toFixed(f.places);
/** Difference of two published values, exact (same precision). */
export function fixedDifference(a: Fixed, b: Fixed): Fixed {
  if (a.places !== b.places) throw new RangeError('different precisions');
  return { scaled: a.scaled - b.scaled, places: a.places };
}
