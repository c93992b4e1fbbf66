// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isRecordingServiceError, parseRecordingServiceConfig, type RecordingServiceError } from '../../src/core';

const valid = { host: 'rec.example.com', isSecure: true, tenantId: 'default' };
const auth = (host: string) => ({ ...valid, authServer: { host, isSecure: true, authorizationPath: '/a' } });

function configError(input: unknown): RecordingServiceError {
  try {
    parseRecordingServiceConfig(input);
  } catch (error) {
    if (isRecordingServiceError(error)) return error;
    throw error;
  }
  throw new Error(`expected a config error for ${JSON.stringify(input)}`);
}

// Issue 9, item 7. Before: parseHost in src/core/config.ts only refused schemes, /?#@, spaces and a single
// colon, so each of these passed and every call then failed as `network` (with the CORS hint) and was retried.
const badHosts = [
  'x::',
  'a:b:c',
  'fe80::1%eth0',
  '[fe80::1%25eth0]',
  'x%2fevil',
  'evil.com%40x',
  'rec\u0000.example.com',
  'rec.example.com\u0000',
  'rec\u0007example.com',
  '[::1',
  '::1]',
  '[x::]',
  '[::1]]',
  '1:2:3:4:5:6:7:8:9',
  'under score-.example.com',
  '-lead.example.com',
  'trail-.example.com',
  'a..b',
  '.example.com',
  `${'a'.repeat(64)}.example.com`,
  '127.1',
  '0x7f.0.0.1',
  '256.0.0.1',
  '1.2.3.4.5',
  'ex\u00adample.com\u00ad.',
  'exa mple.com',
  'exa*mple.com',
  'exa<mple>.com',
  'exa|mple.com',
];

describe('host validation (issue 9, item 7)', () => {
  it.each(badHosts)('should refuse host %j as a config error naming host', (host) => {
    const error = configError({ ...valid, host });
    expect(error.kind).toBe('config');
    expect(error.details).toEqual({ field: 'host' });
    expect(error.message).toContain('host');
    expect(error.hint).toBeTruthy();
  });

  it.each(badHosts)('should refuse authServer.host %j as a config error naming authServer.host', (host) => {
    const error = configError(auth(host));
    expect(error.kind).toBe('config');
    expect(error.details).toEqual({ field: 'authServer.host' });
  });

  it('should say a zone id cannot be addressed', () => {
    expect(configError({ ...valid, host: 'fe80::1%eth0' }).message).toMatch(/zone id/);
  });

  it.each([
    'recordings.example.com',
    'localhost',
    'rec',
    '127.0.0.1',
    '10.0.0.5',
    '::1',
    '[::1]',
    '2001:db8::7',
    '[2001:db8::7]',
    '::ffff:127.0.0.1',
    'REC.Example.COM',
    'rec-1.example.com',
    'my_host.internal',
    'bücher.example',
    'recordings.example.com.',
    '1a.example.com',
  ])('should keep host %j working', (host) => {
    expect(parseRecordingServiceConfig({ ...valid, host, port: 8443 }).host).toBe(host);
    expect(parseRecordingServiceConfig(auth(host)).authServer?.host).toBe(host);
  });
});

describe('maxResponseBytes (issue 9, item 5)', () => {
  it('should default to 16 MiB', () => {
    expect(parseRecordingServiceConfig(valid).maxResponseBytes).toBe(16 * 1024 * 1024);
  });

  it('should take a whole number of bytes', () => {
    expect(parseRecordingServiceConfig({ ...valid, maxResponseBytes: 1_000_000 }).maxResponseBytes).toBe(1_000_000);
  });

  it.each([0, -1, 10, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '16', null])(
    'should refuse %s naming maxResponseBytes',
    (maxResponseBytes) => {
      const error = configError({ ...valid, maxResponseBytes });
      expect(error.kind).toBe('config');
      expect(error.details).toEqual({ field: 'maxResponseBytes' });
    },
  );
});

describe('session storage default (issue 9, item 9)', () => {
  it("should default to 'session' so the token is not in localStorage unless asked", () => {
    expect(parseRecordingServiceConfig(valid).session.storage).toBe('session');
  });
});
