/**
 * `npm run bench`: what the hooks cost on the wire, next to a naive useEffect + axios version of the same app,
 * both rendered with React DOM (on jsdom) against the emulator through MSW in Node. Requests and bytes are
 * counted at the network boundary; times are printed for information only.
 * Writes bench/results/latest.json and bench/results/latest.md; exits non-zero when a check fails.
 */
import './dom';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { QueryClient } from '@tanstack/react-query';
import { setupServer } from 'msw/node';
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { RecordingServiceProvider } from '../../src/react/provider';
import {
  createRecordingEmulator,
  EMULATOR_MODERATOR_PIN,
  EMULATOR_PROGRAMS,
  recordingServiceHandlers,
} from '../../src/testing';
import { TEST_AUTH_BASE_URL, TEST_RECORDING_BASE_URL, TEST_RECORDING_CONFIG } from '../../src/testing/TestProvider';
import type { ChatMessage, PagedList } from '../../src/core/types';
import { enforcedLimit, measureSizes, SIZE_BUDGETS, type SizeRow } from './size';
import { chromiumMarkdown, runChromiumBench, type ChromiumSummary } from './chromium';
import { ChatView, createNaiveApp, HooksApp, HooksDetail, screenKey, type Probe, type Screen } from './apps';

const CREDENTIALS = new Set(['tenantId', 'user', 'token', 'timestamp']);

interface Exchange {
  method: string;
  resource: string;
  bytes: number;
}

const emulator = createRecordingEmulator({ seed: 'default' });
const server = setupServer(
  ...recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }),
);
const log: Exchange[] = [];
const reading: Promise<unknown>[] = [];
server.events.on('response:mocked', ({ request, response }) => {
  const url = new URL(request.url);
  const query = [...url.searchParams].filter(([name]) => !CREDENTIALS.has(name)).sort();
  const resource = `${url.pathname}${query.length ? `?${new URLSearchParams(query)}` : ''}`;
  reading.push(
    response
      .clone()
      .arrayBuffer()
      .then((body) => log.push({ method: request.method, resource, bytes: body.byteLength })),
  );
});

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets in-flight work finish, then returns what went over the wire since `from`. */
async function settle(from: number): Promise<Exchange[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await Promise.all(reading);
  return log.slice(from);
}

interface Tally {
  requests: number;
  bytes: number;
  ms: number;
  distinctResources: number;
  /** The most requests any one resource received. */
  maxPerResource: number;
}

function tally(exchanges: Exchange[], ms: number): Tally {
  const per = new Map<string, number>();
  for (const e of exchanges) per.set(`${e.method} ${e.resource}`, (per.get(`${e.method} ${e.resource}`) ?? 0) + 1);
  return {
    requests: exchanges.length,
    bytes: exchanges.reduce((sum, e) => sum + e.bytes, 0),
    ms: Math.round(ms),
    distinctResources: per.size,
    maxPerResource: Math.max(0, ...per.values()),
  };
}

function mount() {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  return {
    render: (element: ReactElement) => root.render(element),
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}

const config = { ...TEST_RECORDING_CONFIG };
const withProvider = (queryClient: QueryClient, child: ReactElement) =>
  createElement(RecordingServiceProvider, { config, queryClient }, child);
const naive = createNaiveApp(TEST_RECORDING_BASE_URL, config.tenantId);

/** list, open 5 details, back, filter, back, reopen a detail. */
async function scriptedSession(kind: 'hooks' | 'naive'): Promise<Tally> {
  const probe: Probe = { shown: new Map() };
  const queryClient = new QueryClient();
  const app = mount();
  const show = async (screen: Screen) => {
    probe.shown.delete(screenKey(screen));
    app.render(
      kind === 'hooks'
        ? withProvider(queryClient, createElement(HooksApp, { screen, probe }))
        : createElement(naive.NaiveApp, { screen, probe }),
    );
    await waitUntil(() => probe.shown.has(screenKey(screen)), screenKey(screen));
  };
  const from = log.length;
  const start = performance.now();
  const home: Screen = { kind: 'list', params: { count: 20 } };
  await show(home);
  const ids = (probe.shown.get(screenKey(home)) as PagedList).items.slice(0, 5).map((p) => p.id!);
  for (const id of ids) await show({ kind: 'detail', id });
  await show(home);
  await show({ kind: 'list', params: { count: 20, query: 'Town hall' } });
  await show(home);
  await show({ kind: 'detail', id: ids[0]! });
  const ms = performance.now() - start;
  app.unmount();
  return tally(await settle(from), ms);
}

/** 100 components showing the same program. */
async function sameId(kind: 'hooks' | 'naive', count = 100): Promise<Tally> {
  const probe: Probe = { shown: new Map() };
  const id = EMULATOR_PROGRAMS.publicRecording;
  const app = mount();
  const from = log.length;
  const start = performance.now();
  const children = Array.from({ length: count }, (_, i) =>
    createElement(kind === 'hooks' ? HooksDetail : naive.NaiveDetail, { key: i, id, probe, tag: `#${i}` }),
  );
  app.render(
    kind === 'hooks'
      ? withProvider(new QueryClient(), createElement('div', null, children))
      : createElement('div', null, children),
  );
  await waitUntil(() => probe.shown.size === count, `${count} components`);
  const ms = performance.now() - start;
  app.unmount();
  return tally(await settle(from), ms);
}

interface ChatPolling {
  historyMessages: number;
  fullHistoryBytes: number;
  polls: { newMessages: number; bytes: number; requests: number }[];
}

/** Bytes of one poll with 0, 1 and 10 new messages, next to a full-history fetch. */
async function chatPolling(historyMessages = 200): Promise<ChatPolling> {
  const programId = EMULATOR_PROGRAMS.liveNow;
  const session = [...emulator.state.chatSessions.values()].find((s) => s.programId === programId);
  if (!session) throw new Error('bench: the seed has no Q&A session on the live program');
  let clock = Math.max(0, ...session.messages.map((m) => m.timestamp ?? 0));
  const add = (n: number) => {
    for (let i = 0; i < n; i++) {
      const message: ChatMessage = {
        sessionId: session.sessionId,
        message: `Question number ${session.messages.length + 1}: what about the roadmap for next quarter?`,
        senderDisplayName: 'Bench viewer',
        senderId: 'bench',
        timestamp: ++clock,
        authenticated: false,
        type: 'QUESTION',
      };
      session.messages.push(message);
    }
  };
  add(historyMessages - session.messages.length);

  const probe: Probe = { shown: new Map() };
  let refetch: (() => Promise<unknown>) | undefined;
  const app = mount();
  let from = log.length;
  app.render(
    withProvider(
      new QueryClient(),
      createElement(ChatView, {
        programId,
        sessionId: session.sessionId,
        moderatorPin: EMULATOR_MODERATOR_PIN,
        probe,
        onRefetch: (fn) => (refetch = fn),
      }),
    ),
  );
  await waitUntil(() => probe.shown.size === 1 && refetch !== undefined, 'the Q&A history');
  const full = await settle(from);
  const polls: ChatPolling['polls'] = [];
  for (const n of [0, 1, 10]) {
    add(n);
    from = log.length;
    await refetch!();
    const exchanges = await settle(from);
    polls.push({ newMessages: n, requests: exchanges.length, bytes: exchanges.reduce((s, e) => s + e.bytes, 0) });
  }
  app.unmount();
  return { historyMessages, fullHistoryBytes: full.reduce((s, e) => s + e.bytes, 0), polls };
}

async function main(): Promise<void> {
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const session = { hooks: await scriptedSession('hooks'), naive: await scriptedSession('naive') };
    const hundred = { hooks: await sameId('hooks'), naive: await sameId('naive') };
    const chat = await chatPolling();
    const sizes = await measureSizes();
    const browser = await runChromiumBench(Number(process.env.BENCH_ROUNDS ?? 12));

    const [none, one, ten] = chat.polls;
    const checks = [
      { name: 'scripted session: at most one request per distinct resource', pass: session.hooks.maxPerResource <= 1 },
      {
        name: 'scripted session: fewer requests than the naive version',
        pass: session.hooks.requests < session.naive.requests,
      },
      { name: '100 components on one id: one request', pass: hundred.hooks.requests === 1 },
      {
        name: 'Q&A polls grow with new messages only, far below the full history',
        pass:
          !!none &&
          !!one &&
          !!ten &&
          none.bytes < one.bytes &&
          one.bytes < ten.bytes &&
          ten.bytes < chat.fullHistoryBytes / 5 &&
          // 9 more messages cost about 9 message sizes, whatever the history
          Math.abs(ten.bytes - one.bytes - 9 * (one.bytes - none.bytes)) <= 9 * 8,
      },
      ...(browser
        ? [
            {
              name: 'Chromium: 0 requests to open a program already in the list',
              pass: browser.summary.apps['quick-start'].detailRequests === 0,
            },
            {
              name: `Chromium: time to the first list within 1.05x of the naive app's (${browser.summary.ratio.firstListMs.toFixed(2)}x)`,
              pass: browser.summary.ratio.firstListMs <= 1.05,
            },
          ]
        : []),
    ];
    const results = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      transport: 'MSW (node) -> emulator, seed "default"; React DOM on jsdom',
      scriptedSession: session,
      sameId100: hundred,
      chatPolling: chat,
      sizes,
      chromium: browser?.summary,
      chromiumRuns: browser?.runs,
      checks,
    };

    const out = join(dirname(fileURLToPath(import.meta.url)), '../../bench/results');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(out, 'latest.md'), markdown(results));
    console.log(markdown(results));
    if (checks.some((c) => !c.pass)) process.exitCode = 1;
  } finally {
    server.close();
  }
}

function markdown(r: {
  generatedAt: string;
  node: string;
  transport: string;
  scriptedSession: { hooks: Tally; naive: Tally };
  sameId100: { hooks: Tally; naive: Tally };
  chatPolling: ChatPolling;
  sizes: SizeRow[];
  chromium: ChromiumSummary | undefined;
  checks: { name: string; pass: boolean }[];
}): string {
  const row = (label: string, t: Tally) =>
    `| ${label} | ${t.requests} | ${t.distinctResources} | ${t.maxPerResource} | ${t.bytes} | ${t.ms} |`;
  const head =
    '| version | requests | distinct resources | max per resource | bytes | ms (info) |\n|---|---|---|---|---|---|';
  return [
    '# Benchmark: hooks vs naive useEffect + axios',
    '',
    `${r.generatedAt}, Node ${r.node}. ${r.transport}. Bytes are response bodies.`,
    '',
    '## Scripted session (list, open 5 details, back, filter, back, reopen a detail)',
    '',
    head,
    row('hooks', r.scriptedSession.hooks),
    row('naive', r.scriptedSession.naive),
    '',
    '## 100 components on one program id',
    '',
    head,
    row('hooks', r.sameId100.hooks),
    row('naive', r.sameId100.naive),
    '',
    `## Q&A polling (history of ${r.chatPolling.historyMessages} messages)`,
    '',
    '| fetch | requests | bytes |',
    '|---|---|---|',
    `| full history (first load; what a naive poll costs every time) | 1 | ${r.chatPolling.fullHistoryBytes} |`,
    ...r.chatPolling.polls.map((p) => `| poll with ${p.newMessages} new | ${p.requests} | ${p.bytes} |`),
    '',
    '## Bundle size (esbuild, minified; gzip level 9)',
    '',
    'Own code with react, react-dom, @tanstack/react-query, axios, zustand (and the optional hls.js) external;',
    'each external measured alone below it, as the baseline an app already pays.',
    '',
    '| bundle | minified bytes | gzip bytes |',
    '|---|---|---|',
    ...r.sizes.map((row) => `| ${row.name} | ${row.minified} | ${row.gzip} |`),
    '',
    '### Budgets of issue 8 (gzip bytes)',
    '',
    'before: commit 33e1ac1, before the modular core; modular core: 4d95ace; first size round: a51dfb2 (zod/mini',
    'was external then, as now; it is no longer a dependency).',
    '',
    '| import | before | modular core | first size round | now | issue 8 target | enforced in `npm test` |',
    '|---|---|---|---|---|---|---|',
    ...SIZE_BUDGETS.map((budget) => {
      const now = r.sizes.find((row) => row.name === `own code: ${budget.name}`)?.gzip ?? '?';
      const cells = [budget.before, budget.modularCore, budget.firstRound, now, budget.target ?? 'reported'];
      return `| ${budget.name} | ${cells.map((cell) => cell ?? '-').join(' | ')} | ${enforcedLimit(budget) ?? '-'} |`;
    }),
    '',
    ...chromiumMarkdown(r.chromium),
    '## Checks',
    '',
    ...r.checks.map((c) => `- [${c.pass ? 'x' : ' '}] ${c.name}`),
    '',
  ].join('\n');
}

await main();
// Query caches keep 5-minute garbage-collection timers; the results are written, so stop here.
process.exit();
