// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import {
  baseUrl,
  isRecordingServiceError,
  parseRecordingServiceConfig,
  type RecordingServiceError,
} from '../../src/core';

const valid = { host: 'rec.example.com', isSecure: true, tenantId: 'default' };

function configError(input: unknown): RecordingServiceError {
  try {
    parseRecordingServiceConfig(input);
  } catch (error) {
    if (isRecordingServiceError(error)) return error;
    throw error;
  }
  throw new Error('expected a config error');
}

describe('parseRecordingServiceConfig', () => {
  afterEach(() => {
    delete (globalThis as { location?: unknown }).location;
  });

  it('should fill every default', () => {
    const config = parseRecordingServiceConfig(valid);
    expect(config).toMatchObject({
      host: 'rec.example.com',
      port: 443,
      isSecure: true,
      tenantId: 'default',
      timeoutMs: 30_000,
      withCredentials: false,
      retry: { attempts: 3, baseDelayMs: 300, maxDelayMs: 10_000 },
      session: { storage: 'session', storageKey: 'react-recording-service:session', refreshIntervalMs: 900_000 },
      resources: {
        programsUrl: '/api/manager/programs',
        categoriesUrl: '/api/manager/categories',
        templatesUrl: '/api/manager/templates',
        reportsUrl: '/api/manager/reports',
        systemSettingsUrl: '/api/manager/system/settings',
        tenantsUrl: '/api/manager/tenants',
      },
    });
    expect(parseRecordingServiceConfig({ ...valid, isSecure: false }).port).toBe(80);
  });

  it('should keep given values and accept its own output', () => {
    const config = parseRecordingServiceConfig({
      ...valid,
      port: 8443,
      resources: { programsUrl: '/custom/programs' },
      authServer: { host: 'portal.example.com', isSecure: true, authorizationPath: '/ups/resources/authorizations' },
      retry: { attempts: 0 },
      session: { storage: 'memory', refreshIntervalMs: 1000 },
    });
    expect(config.port).toBe(8443);
    expect(config.resources.programsUrl).toBe('/custom/programs');
    expect(config.resources.categoriesUrl).toBe('/api/manager/categories');
    expect(config.authServer).toEqual({
      host: 'portal.example.com',
      port: 443,
      isSecure: true,
      authorizationPath: '/ups/resources/authorizations',
    });
    expect(config.retry).toEqual({ attempts: 0, baseDelayMs: 300, maxDelayMs: 10_000 });
    expect(parseRecordingServiceConfig(config)).toEqual(config);
  });

  it.each([
    ['not an object', 'nope', 'config'],
    ['missing host', { isSecure: true, tenantId: 'd' }, 'host'],
    ['empty host', { ...valid, host: '  ' }, 'host'],
    ['host with a path', { ...valid, host: 'rec.example.com/api' }, 'host'],
    ['host with a port', { ...valid, host: 'rec.example.com:8443' }, 'host'],
    ['bracketed IPv6 host with a port', { ...valid, host: '[::1]:8443' }, 'host'],
    ['missing isSecure', { host: 'rec.example.com', tenantId: 'd' }, 'isSecure'],
    ['non-boolean isSecure', { ...valid, isSecure: 'true' }, 'isSecure'],
    ['port 0', { ...valid, port: 0 }, 'port'],
    ['port 65536', { ...valid, port: 65536 }, 'port'],
    ['fractional port', { ...valid, port: 80.5 }, 'port'],
    ['port as text', { ...valid, port: '443' }, 'port'],
    ['missing tenantId', { host: 'rec.example.com', isSecure: true }, 'tenantId'],
    ['empty tenantId', { ...valid, tenantId: '' }, 'tenantId'],
    ['relative resource path', { ...valid, resources: { programsUrl: 'api/programs' } }, 'resources.programsUrl'],
    ['absolute URL resource', { ...valid, resources: { reportsUrl: 'https://x/api' } }, 'resources.reportsUrl'],
    ['protocol-relative resource', { ...valid, resources: { reportsUrl: '//x/api' } }, 'resources.reportsUrl'],
    ['unknown resource', { ...valid, resources: { programUrl: '/p' } }, 'resources.programUrl'],
    [
      'authServer without host',
      { ...valid, authServer: { isSecure: true, authorizationPath: '/a' } },
      'authServer.host',
    ],
    [
      'authServer host with scheme',
      { ...valid, authServer: { host: 'https://portal', isSecure: true, authorizationPath: '/a' } },
      'authServer.host',
    ],
    [
      'authServer without isSecure',
      { ...valid, authServer: { host: 'portal', authorizationPath: '/a' } },
      'authServer.isSecure',
    ],
    [
      'authServer bad port',
      { ...valid, authServer: { host: 'portal', port: -1, isSecure: true, authorizationPath: '/a' } },
      'authServer.port',
    ],
    [
      'authorizationPath without slash',
      { ...valid, authServer: { host: 'portal', isSecure: true, authorizationPath: 'a' } },
      'authServer.authorizationPath',
    ],
    ['negative timeout', { ...valid, timeoutMs: -1 }, 'timeoutMs'],
    ['timeout as text', { ...valid, timeoutMs: '100' }, 'timeoutMs'],
    ['non-boolean withCredentials', { ...valid, withCredentials: 1 }, 'withCredentials'],
    ['negative retry attempts', { ...valid, retry: { attempts: -1 } }, 'retry.attempts'],
    ['fractional retry attempts', { ...valid, retry: { attempts: 1.5 } }, 'retry.attempts'],
    ['bad retry delay', { ...valid, retry: { baseDelayMs: 'x' } }, 'retry.baseDelayMs'],
    ['bad storage', { ...valid, session: { storage: 'cookie' } }, 'session.storage'],
    ['empty storage key', { ...valid, session: { storageKey: '' } }, 'session.storageKey'],
    ['zero refresh interval', { ...valid, session: { refreshIntervalMs: 0 } }, 'session.refreshIntervalMs'],
    ['logger without methods', { ...valid, logger: {} }, 'logger'],
  ])('should refuse %s, naming the field', (_label, input, field) => {
    const error = configError(input);
    expect(error.kind).toBe('config');
    expect(error.message).toContain(field);
    expect(error.details).toEqual({ field });
    expect(error.hint).toBeTruthy();
  });

  it('should refuse a host with a scheme and point to isSecure', () => {
    const error = configError({ ...valid, host: 'https://rec.example.com' });
    expect(error.message).toContain('host');
    expect(error.hint).toContain('isSecure');
  });

  it('should refuse an absolute resource URL and say to give a path', () => {
    expect(configError({ ...valid, resources: { programsUrl: 'https://x/p' } }).hint).toMatch(/path/);
  });

  it('should refuse http from an https page unless the host is loopback', () => {
    (globalThis as { location?: unknown }).location = { protocol: 'https:' };
    const error = configError({ ...valid, isSecure: false });
    expect(error.details).toEqual({ field: 'isSecure' });
    expect(error.hint).toMatch(/mixed content/);
    const authError = configError({
      ...valid,
      authServer: { host: 'portal', isSecure: false, authorizationPath: '/a' },
    });
    expect(authError.details).toEqual({ field: 'authServer.isSecure' });
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) {
      expect(parseRecordingServiceConfig({ ...valid, host, isSecure: false }).host).toBe(host);
    }
  });

  it('should allow http when the page itself is http', () => {
    (globalThis as { location?: unknown }).location = { protocol: 'http:' };
    expect(parseRecordingServiceConfig({ ...valid, isSecure: false }).isSecure).toBe(false);
  });
});

describe('baseUrl', () => {
  it('should pick the scheme from isSecure and omit default ports', () => {
    expect(baseUrl({ host: 'rec.example.com', isSecure: true })).toBe('https://rec.example.com');
    expect(baseUrl({ host: 'rec.example.com', isSecure: true, port: 443 })).toBe('https://rec.example.com');
    expect(baseUrl({ host: 'rec.example.com', isSecure: false, port: 80 })).toBe('http://rec.example.com');
    expect(baseUrl({ host: 'rec.example.com', isSecure: false, port: 443 })).toBe('http://rec.example.com:443');
    expect(baseUrl({ host: 'localhost', isSecure: true, port: 8443 })).toBe('https://localhost:8443');
    expect(baseUrl({ host: '::1', isSecure: false, port: 8080 })).toBe('http://[::1]:8080');
  });
});
