/**
 * Formats a number as Java's `Double.toString` does, which is how icat.server's JSON generator
 * writes Double values: `50.0`, `0.001`, `1234567.5`, `1.0E7`, `1.234E-5`.
 *
 * @example
 * ```ts
 * javaDouble(73.4); // "73.4"
 * javaDouble(50); // "50.0"
 * javaDouble(1e21); // "1.0E21"
 * ```
 */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(n);
    return text.includes(".") ? text : `${text}.0`;
  }
  const [mantissa = "", exponent = "0"] = n.toExponential().split("e");
  const digits = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}
