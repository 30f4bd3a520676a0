// Python's str() of numbers, as pyicat-plus's serialize_metadata writes them (`str(v)` for every
// numbers.Number): floats in repr form ("7.0", "1e-05", "1e+16", "nan", "inf"), ints unbounded,
// bools "True"/"False".

/**
 * A number to be written as a Python float even when it is integral (`7` → "7.0"). Plain
 * integral numbers are written as Python ints ("7").
 *
 * @example
 * ```ts
 * const metadata = { Sample_name: "s", InstrumentBeam_incident_energy: asFloat(7) }; // "7.0"
 * ```
 */
export class PythonFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/**
 * Marks a number as a Python float (see {@link PythonFloat}).
 *
 * @example
 * ```ts
 * asFloat(7); // serializes as "7.0"
 * ```
 */
export function asFloat(value: number): PythonFloat {
  return new PythonFloat(value);
}

/**
 * `repr(float)` of CPython 3: the shortest round-tripping digits (the same digits JavaScript
 * chooses), in fixed notation for exponents -4…15 and scientific ("1e+16", "1.5e-07") otherwise.
 *
 * @example
 * ```ts
 * pythonFloatRepr(7); // "7.0"
 * pythonFloatRepr(1e-5); // "1e-05"
 * ```
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exponent = "0"] = x.toExponential().split("e");
  const sign = x < 0 ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  const exp = Number(exponent);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  return `${sign}${whole}.${digits.slice(exp + 1) || "0"}`;
}

/**
 * `str()` of a JavaScript number as the Python value it stands for: a safe integer is an int,
 * anything else a float.
 *
 * @example
 * ```ts
 * pythonNumberStr(3); // "3"
 * pythonNumberStr(7.1); // "7.1"
 * ```
 */
export function pythonNumberStr(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : pythonFloatRepr(x);
}
