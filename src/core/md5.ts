/**
 * A small incremental MD5 (RFC 1321) for checking downloads against a program's `md5Hash` while the
 * bytes stream in, without holding a second copy of the file. Not for security: MD5 only guards
 * against truncated or corrupted transfers here.
 */

const S = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4,
  11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

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
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const block = new Uint8Array(64);
  const words = new Uint32Array(16);
  let blockLength = 0;
  let totalLength = 0;
  let done = false;

  const compress = (): void => {
    for (let i = 0; i < 16; i++) {
      words[i] = block[i * 4]! | (block[i * 4 + 1]! << 8) | (block[i * 4 + 2]! << 16) | (block[i * 4 + 3]! << 24);
    }
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + K[i]! + words[g]!) >>> 0;
      const s = S[i]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    state[0] = (state[0]! + a) >>> 0;
    state[1] = (state[1]! + b) >>> 0;
    state[2] = (state[2]! + c) >>> 0;
    state[3] = (state[3]! + d) >>> 0;
  };

  const push = (bytes: Uint8Array): void => {
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(64 - blockLength, bytes.length - offset);
      block.set(bytes.subarray(offset, offset + take), blockLength);
      blockLength += take;
      offset += take;
      if (blockLength === 64) {
        compress();
        blockLength = 0;
      }
    }
  };

  const md5: Md5 = {
    update(chunk) {
      if (done) throw new Error('MD5 already finished');
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      totalLength += bytes.length;
      push(bytes);
      return md5;
    },
    digest() {
      if (done) throw new Error('MD5 already finished');
      done = true;
      const bits = totalLength * 8;
      const padLength = blockLength < 56 ? 56 - blockLength : 120 - blockLength;
      const tail = new Uint8Array(padLength + 8);
      tail[0] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(padLength, bits >>> 0, true);
      view.setUint32(padLength + 4, Math.floor(bits / 2 ** 32), true);
      push(tail);
      let hex = '';
      for (const word of state) {
        for (let i = 0; i < 4; i++) hex += ((word >>> (i * 8)) & 0xff).toString(16).padStart(2, '0');
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
