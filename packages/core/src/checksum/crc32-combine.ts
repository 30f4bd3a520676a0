// CRC32 of a concatenation from the CRC32s of its parts: what lets the parts of a body be
// checksummed in any order, on any thread (crc32-pool.ts), and folded together in file order.
// Node exposes zlib's crc32 but not its crc32_combine, so this is the same arithmetic: CRC32 is
// linear over GF(2), and appending `len` zero bytes to a message multiplies its CRC register by
// x^(8·len) modulo the (reflected) polynomial; a table of x^(2^k) makes that log2(len) products.
// Checked against zlib.crc32 of the concatenation by a property test (test/unit/crc32-combine).

/** The CRC-32 (IEEE 802.3) polynomial, reflected. */
const POLY = 0xedb88320;

// a·b modulo POLY, both reflected (bit 31 is x^0).
function multiply(a: number, b: number): number {
  let product = 0;
  for (let m = 0x80000000; m !== 0 && a !== 0; m >>>= 1) {
    if (a & m) {
      product ^= b;
      a ^= m;
    }
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

// X2N[k] = x^(2^k) modulo POLY, far enough for any safe-integer length (8·2^53 bits).
const X2N: number[] = [0x40000000];
for (let k = 1; k < 60; k++) X2N.push(multiply(X2N[k - 1] as number, X2N[k - 1] as number));

// x^(8·bytes) modulo POLY.
function shiftFor(bytes: number): number {
  let power = 0x80000000; // x^0
  // 8·bytes = bytes·2^3: walk the bits of `bytes` from table index 3 (no 32-bit overflow of 8·bytes).
  for (let k = 3, n = bytes; n > 0; k++, n = Math.floor(n / 2)) {
    if (n % 2 === 1) power = multiply(X2N[k] as number, power);
  }
  return power;
}

/**
 * The CRC32 of `a + b` given `crcA` (of `a`), `crcB` (of `b`) and `b`'s length: zlib's
 * crc32_combine.
 *
 * @example
 * ```ts
 * crc32Combine(crc32(a), crc32(b), b.length) === crc32(Buffer.concat([a, b])); // true
 * ```
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  return (multiply(shiftFor(lengthB), crcA >>> 0) ^ (crcB >>> 0)) >>> 0;
}
