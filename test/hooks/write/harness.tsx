import { QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookResult } from '@testing-library/react';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServerApi } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RecordingServiceConfig } from '../../../src/core/config';
import { RecordingServiceProvider } from '../../../src/react/provider';

/** The recording server every test talks to (through MSW). */
export const BASE = 'https://rec.test';
export const PROGRAMS = `${BASE}/api/manager/programs`;
export const AUTH = 'https://auth.test/ups/token';
export const PORTAL_TOKEN = 'portal-secret-7f3a';

export function testConfig(overrides: Partial<RecordingServiceConfig> = {}): RecordingServiceConfig {
  return {
    host: 'rec.test',
    isSecure: true,
    tenantId: 'default',
    authServer: { host: 'auth.test', isSecure: true, authorizationPath: '/ups/token' },
    session: { storage: 'memory' },
    retry: { attempts: 0 },
    ...overrides,
  };
}

/** A QueryClient as the TanStack testing guide makes them: no retries, fresh per test. */
export function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** One request seen at the network boundary. */
export interface SeenRequest {
  method: string;
  url: URL;
  keepalive: boolean;
  body: string;
}

/**
 * Starts an MSW server for the file (unhandled requests fail the test) and records every request it sees.
 * `seen` is emptied after each test.
 */
export function setupNetwork(...defaults: HttpHandler[]): { server: SetupServerApi; seen: SeenRequest[] } {
  const server = setupServer(...defaults);
  const seen: SeenRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const entry: SeenRequest = {
      method: request.method,
      url: new URL(request.url),
      keepalive: request.keepalive,
      body: '',
    };
    seen.push(entry);
    void request
      .clone()
      .text()
      .then((text) => (entry.body = text))
      .catch(() => {});
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

/** Answers the token exchange with a new token each time; counts the exchanges in `exchanges.count`. */
export function authHandler(exchanges = { count: 0 }, answer?: () => Response): HttpHandler {
  return http.post(AUTH, () => {
    exchanges.count += 1;
    return answer?.() ?? HttpResponse.json({ token: `cs-token-${exchanges.count}`, snapshotTimestamp: 1_700_000_000 });
  });
}

export interface Rendered {
  queryClient: QueryClient;
  wrapper: (props: { children: ReactNode }) => ReactNode;
}

/**
 * A fresh QueryClient and provider per call. `strict` is applied by the render helpers below through
 * Testing Library's `reactStrictMode` (a StrictMode element inside a wrapper does not double-run effects).
 */
export function makeWrapper(options: { config?: RecordingServiceConfig; strict?: boolean } = {}): Rendered {
  const queryClient = newQueryClient();
  const config = options.config ?? testConfig();
  const wrapper = ({ children }: { children: ReactNode }) => {
    return (
      <RecordingServiceProvider config={config} queryClient={queryClient}>
        {children}
      </RecordingServiceProvider>
    );
  };
  return { queryClient, wrapper };
}

/** `renderHook` inside a fresh provider. */
export function renderWithService<Result, Props>(
  hook: (props: Props) => Result,
  options: { config?: RecordingServiceConfig; strict?: boolean; initialProps?: Props } = {},
): RenderHookResult<Result, Props> & { queryClient: QueryClient } {
  const { queryClient, wrapper } = makeWrapper(options);
  const result = renderHook<Result, Props>(hook, {
    wrapper,
    reactStrictMode: options.strict ?? false,
    ...(options.initialProps !== undefined && { initialProps: options.initialProps }),
  }) as RenderHookResult<Result, Props>;
  return { ...result, queryClient };
}

/** `render` inside a fresh provider. */
export function renderInService(ui: ReactNode, options: { config?: RecordingServiceConfig; strict?: boolean } = {}) {
  const { queryClient, wrapper } = makeWrapper(options);
  return { ...render(ui, { wrapper, reactStrictMode: options.strict ?? false }), queryClient };
}

/** Every string reachable from the QueryClient's query and mutation caches (keys, data, variables, errors). */
export function cachedStrings(queryClient: QueryClient): string[] {
  const out: string[] = [];
  const seenObjects = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number') out.push(String(value));
    else if (typeof value === 'object' && value !== null && !seenObjects.has(value)) {
      seenObjects.add(value);
      if (value instanceof Error) out.push(value.message, JSON.stringify(value));
      for (const key of Object.getOwnPropertyNames(value)) {
        try {
          walk((value as Record<string, unknown>)[key]);
        } catch {
          // getters that throw are not data
        }
      }
    }
  };
  for (const query of queryClient.getQueryCache().getAll()) walk({ key: query.queryKey, state: query.state });
  for (const mutation of queryClient.getMutationCache().getAll())
    walk({ state: mutation.state, options: mutation.options.mutationKey });
  return out;
}

export function makeProgram(id: string, overrides: Record<string, unknown> = {}) {
  return { id, name: `Program ${id}`, description: '', deleted: false, ...overrides };
}
