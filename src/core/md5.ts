/**
 * A small incremental MD5 (RFC 1321) for checking downloads against a program's `md5Hash` while the
 * bytes stream in, without holding a second copy of the file. Not for security: MD5 only guards
 * against truncated or corrupted transfers here.
 */

/** The per-round shift amounts: four per 16-round stage. */
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

const K = Array.from({ length: 64 }, (_, i) => (Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

/** An MD5 computation fed chunk by chunk. */
export interface Md5 {
  /** Adds bytes; returns the same object for chaining. */
  update(chunk: Uint8Array | string): Md5;
  /** Finishes and returns the lowercase hex digest. The object cannot be updated afterwards. */
  digest(): string;
}

/**
 * Starts an incremental MD5.
 *
 * @example
 * const md5 = createMd5();
 * for await (const chunk of stream) md5.update(chunk);
 * md5.digest(); // 'd41d8cd98f00b204e9800998ecf8427e' for no bytes
 */
export function createMd5(): Md5 {
  // Int32Array: sums wrap to 32 bits by themselves.
  const state = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const block = new Uint8Array(64);
  const view = new DataView(block.buffer);
  let blockLength = 0;
  let totalLength = 0;
  let done = false;

  const compress = (): void => {
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    for (let i = 0; i < 64; i++) {
      const stage = i >> 4;
      const f = stage < 1 ? (b & c) | (~b & d) : stage < 2 ? (d & b) | (~d & c) : stage < 3 ? b ^ c ^ d : c ^ (b | ~d);
      const g = (stage < 1 ? i : stage < 2 ? 5 * i + 1 : stage < 3 ? 3 * i + 5 : 7 * i) & 15;
      const sum = a + f + K[i]! + view.getInt32(g * 4, true);
      const s = S[(stage << 2) | (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    state[0]! += a;
    state[1]! += b;
    state[2]! += c;
    state[3]! += d;
  };

  const push = (bytes: Uint8Array): void => {
    if (done) throw new Error('MD5 already finished');
    for (let offset = 0; offset < bytes.length;) {
      const take = Math.min(64 - blockLength, bytes.length - offset);
      block.set(bytes.subarray(offset, offset + take), blockLength);
      offset += take;
      blockLength += take;
      if (blockLength === 64) {
        compress();
        blockLength = 0;
      }
    }
  };

  const md5: Md5 = {
    update(chunk) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      push(bytes);
      totalLength += bytes.length;
      return md5;
    },
    digest() {
      // 0x80, zeros up to 56 bytes mod 64, then the length in bits as a 64-bit little-endian number.
      const tail = new Uint8Array(((55 - blockLength) & 63) + 9);
      tail[0] = 0x80;
      new DataView(tail.buffer).setBigUint64(tail.length - 8, BigInt(totalLength * 8), true);
      push(tail);
      done = true;
      let hex = '';
      for (const word of state) {
        for (let i = 0; i < 32; i += 8) hex += ((word >>> i) & 255).toString(16).padStart(2, '0');
      }
      return hex;
    },
  };
  return md5;
}

/**
 * MD5 of a whole value at once.
 *
 * @example
 * md5Hex('abc'); // '900150983cd24fb0d6963f7d28e17f72'
 */
export function md5Hex(data: Uint8Array | string): string {
  return createMd5().update(data).digest();
}
