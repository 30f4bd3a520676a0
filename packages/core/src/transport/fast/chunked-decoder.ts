// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1): size line (hex, optional
// extensions), data, CRLF, ..., a zero-size chunk, optional trailer fields, CRLF. It works on
// byte ranges of the connection's read buffers and never copies data: each call reports where
// the next run of body bytes lies. Framing errors are NetworkErrors (the connection's content
// cannot be trusted); limits keep a hostile server from making it buffer or loop.

/** Longest size line (digits and extensions) accepted. */
const MAX_SIZE_LINE = 4096;
/** Longest trailer section accepted. */
const MAX_TRAILERS = 16 * 1024;

// Decoder states (plain numbers: enums are not erasable TypeScript).
const State = {
  Size: 0,
  Extension: 1,
  SizeLf: 2,
  Data: 3,
  DataCr: 4,
  DataLf: 5,
  TrailerStart: 6,
  Trailer: 7,
  TrailerLf: 8,
  FinalLf: 9,
  Done: 10,
} as const;
type State = (typeof State)[keyof typeof State];

/** The chunked body was malformed. */
export class ChunkedFramingError extends Error {
  readonly code = "CATKIT_BAD_CHUNKED_BODY";
}

function hex(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * Decodes a chunked body incrementally.
 *
 * @example
 * ```ts
 * const decoder = new ChunkedDecoder();
 * let pos = 0;
 * while (pos < buf.length && !decoder.done) {
 *   pos = decoder.feed(buf, pos, buf.length);
 *   if (decoder.dataEnd > decoder.dataStart) use(buf.subarray(decoder.dataStart, decoder.dataEnd));
 * }
 * ```
 */
export class ChunkedDecoder {
  #state: State = State.Size;
  #remaining = 0;
  #digits = 0;
  #lineBytes = 0;
  #trailerBytes = 0;
  /** Body bytes found by the last feed(): `buf[dataStart, dataEnd)` (empty when equal). */
  dataStart = 0;
  dataEnd = 0;

  /** True once the final CRLF has been read. */
  get done(): boolean {
    return this.#state === State.Done;
  }

  /**
   * Consumes framing bytes from `buf[pos, end)` up to and including the next run of body bytes
   * (reported in dataStart/dataEnd); returns the position after what it consumed.
   */
  feed(buf: Uint8Array, pos: number, end: number): number {
    this.dataStart = this.dataEnd = pos;
    while (pos < end) {
      switch (this.#state) {
        case State.Data: {
          const take = Math.min(this.#remaining, end - pos);
          this.#remaining -= take;
          if (this.#remaining === 0) this.#state = State.DataCr;
          this.dataStart = pos;
          this.dataEnd = pos + take;
          return pos + take;
        }
        case State.Done:
          return pos;
        default:
          this.#framingByte(buf[pos] ?? 0);
          pos++;
      }
    }
    return pos;
  }

  #framingByte(byte: number): void {
    switch (this.#state) {
      case State.Size: {
        const digit = hex(byte);
        if (digit >= 0) {
          // 13 hex digits stay within Number.MAX_SAFE_INTEGER.
          if (++this.#digits > 13) throw new ChunkedFramingError("chunk size too large");
          this.#remaining = this.#remaining * 16 + digit;
        } else if (this.#digits > 0 && (byte === 0x3b || byte === 0x20 || byte === 0x09)) this.#state = State.Extension;
        else if (this.#digits > 0 && byte === 0x0d) this.#state = State.SizeLf;
        else throw new ChunkedFramingError("invalid chunk size line");
        break;
      }
      case State.Extension:
        if (byte === 0x0d) this.#state = State.SizeLf;
        else if (byte === 0x0a || (byte < 0x20 && byte !== 0x09) || byte === 0x7f) throw new ChunkedFramingError("invalid chunk extension");
        break;
      case State.SizeLf:
        if (byte !== 0x0a) throw new ChunkedFramingError("chunk size line without CRLF");
        this.#digits = 0;
        this.#lineBytes = 0;
        this.#state = this.#remaining === 0 ? State.TrailerStart : State.Data;
        return;
      case State.DataCr:
        if (byte !== 0x0d) throw new ChunkedFramingError("chunk data longer than its size");
        this.#state = State.DataLf;
        return;
      case State.DataLf:
        if (byte !== 0x0a) throw new ChunkedFramingError("chunk data without CRLF");
        this.#state = State.Size;
        return;
      case State.TrailerStart:
        if (byte === 0x0d) this.#state = State.FinalLf;
        else if (byte === 0x0a) throw new ChunkedFramingError("bare LF in trailers");
        else this.#state = State.Trailer;
        break;
      case State.Trailer:
        if (byte === 0x0d) this.#state = State.TrailerLf;
        else if (byte === 0x0a) throw new ChunkedFramingError("bare LF in trailers");
        break;
      case State.TrailerLf:
        if (byte !== 0x0a) throw new ChunkedFramingError("trailer line without CRLF");
        this.#state = State.TrailerStart;
        break;
      case State.FinalLf:
        if (byte !== 0x0a) throw new ChunkedFramingError("chunked body without final CRLF");
        this.#state = State.Done;
        return;
    }
    if (this.#state === State.Size || this.#state === State.Extension || this.#state === State.SizeLf) {
      if (++this.#lineBytes > MAX_SIZE_LINE) throw new ChunkedFramingError("chunk size line too long");
    } else if (++this.#trailerBytes > MAX_TRAILERS) throw new ChunkedFramingError("trailers too long");
  }
}
