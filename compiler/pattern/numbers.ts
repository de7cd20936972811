// Numbers as EventBridge compares them. event-ruler turns a number literal into a comparable form only
// when the literal is exactly a IEEE-754 double (ComparableNumber: the decimal value of the text must equal
// the decimal value of the double it parses to); otherwise the number is matched by its literal text only
// (facts 1.2: "When a number is too big or too precise for a double (e.g. an account id), only the literal
// text is matched"). So `[300]` matches `300.0` (conformance number_comparison_float) but
// `[123456789012345678901]` matches only that exact literal.

/** A decimal number in normal form: sign, digits without leading/trailing zeros, power of ten. */
interface Decimal {
  negative: boolean;
  digits: string; // '' for zero
  exponent: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

function toDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  let digits = (m[2] + fraction).replace(/^0+/, '');
  let exponent = (m[4] ? parseInt(m[4], 10) : 0) - fraction.length;
  if (digits === '') return { negative: false, digits: '', exponent: 0 };
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return { negative: m[1] === '-', digits, exponent };
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.digits === b.digits && a.exponent === b.exponent && (a.digits === '' || a.negative === b.negative);
}

/**
 * The double a JSON number literal stands for when EventBridge can compare it numerically, or NaN when
 * it cannot (infinite, or not exactly representable: only its literal text can then match).
 */
export function comparableValue(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) return Number.NaN;
  const fromText = toDecimal(text);
  const fromDouble = toDecimal(shortestText(value));
  if (!fromText || !fromDouble) return Number.NaN;
  return sameDecimal(fromText, fromDouble) ? value : Number.NaN;
}

/** Shortest round-trip text of a double, in the JSON number grammar (`1e+21` → `1e21`). */
function shortestText(value: number): string {
  return String(value).replace('e+', 'e');
}

/**
 * Limits of the numeric matcher in the 2023 documentation (±5.0e9, six decimals). Current event-ruler
 * accepts every double; we cannot tell which one EventBridge runs, so going past them is a warning.
 */
export const LEGACY_NUMERIC_LIMIT = 5e9;

export function exceedsLegacyNumericLimits(text: string): boolean {
  const value = Number(text);
  if (Math.abs(value) > LEGACY_NUMERIC_LIMIT) return true;
  const d = toDecimal(text);
  return d !== null && d.exponent < -6;
}
