// @vitest-environment node
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMd5, md5Hex } from '../../../src/core/md5';

describe('md5', () => {
  it('should match the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('should give the same digest whatever the chunking', () => {
    const data = randomBytes(100_003);
    const expected = createHash('md5').update(data).digest('hex');
    for (const size of [1, 55, 56, 63, 64, 65, 4096, 100_003]) {
      const md5 = createMd5();
      for (let offset = 0; offset < data.length; offset += size) md5.update(data.subarray(offset, offset + size));
      expect(md5.digest()).toBe(expected);
    }
  });

  it('should refuse updates after the digest', () => {
    const md5 = createMd5();
    md5.digest();
    expect(() => md5.update('x')).toThrow(/finished/);
  });
});
