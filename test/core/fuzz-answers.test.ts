// @vitest-environment node
// Issue 9, "Tests": at least 1,000 generated malformed answers per read operation, through MSW and the public
// createRecordingClient, give 0 errors that are not RecordingServiceError; a count by kind is printed.
// Deterministic: FUZZ_SEED=<n> replays another sequence, FUZZ_CASES=<n> changes the count per operation.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isRecordingServiceError, type RecordingClient } from '../../src/core';
import { BASE, startMswServer, testConfig, trackClients } from './support';

const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
/**
 * Requests in flight at once (the run is bound by latency, not CPU). Each worker has a client of its own host,
 * so the server answers it from its own queue and a failure stays paired with the answer that caused it.
 */
const WORKERS = 8;

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Wire-shaped answers of each family (WIRE.md), the material the mutations start from. */
const program: Record<string, Json> = {
  self: `${BASE}/api/manager/programs/p1`,
  id: 'p1',
  name: 'Weekly all-hands',
  description: 'Q3',
  tenantId: 'default',
  owner: 'alice',
  participantUsers: ['bob'],
  categoryId: 'c1',
  accessMode: 'PUBLIC',
  public: true,
  live: false,
  startDate: '2026-01-01T10:00:00Z',
  duration: 3600,
  size: 1024,
  md5Hash: 'd41d8cd98f00b204e9800998ecf8427e',
  viewCount: 3,
};
const shapes: Record<string, Json> = {
  program,
  paged: { items: [program, { ...program, id: 'p2' }], totalItemCount: 2 },
  list: [program],
  category: { self: 's', id: 'c1', name: 'Town halls', programsUrl: '/p', tenants: ['default'] },
  template: { id: 't1', name: 'HD', callBitrate: 2000, callWidth: 1280, callHeight: 720, tenants: ['default'] },
  address: {
    available: true,
    downloadUrl: 'https://cdn/x.mp4',
    playerPreference: ['hls'],
    streams: { primaryMediaUrl: 'u' },
  },
  status: { programId: 'p1', state: 'COMPLETE', programCreationStage: 'DONE' },
  chatSession: {
    sessionId: 's1',
    initiatorName: 'bob',
    lastMessageTime: 1,
    messages: [{ sessionId: 's1', message: 'hi', senderId: 'u', timestamp: 1, type: 'QUESTION' }],
  },
  settings: {
    multiTenant: false,
    allowGuestAccess: true,
    systemTime: 1,
    uptime: '5',
    daysToRetainDeletedRecordings: 3,
  },
  tenant: { id: 'default', name: 'Default', enabled: true, allowGuestAccess: false },
  accessReport: [{ programId: 'p1', programName: 'x', username: null, guest: true, duration: 3 }],
  viewerReport: [{ programId: 'p1', totalViews: 2, views: [{ username: 'a', guest: false }] }],
};

/** One answer the server gives: status, media type and raw body. */
interface Answer {
  family: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

const jsonTypes = ['application/json', 'application/vnd.avaya.asr.program.v2+json', 'application/json; charset=utf-8'];

function wrongValue(random: Random, depth = 0): Json {
  switch (random.int(0, 9)) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.pick([0, -1, 1e308, -1e-308, 2 ** 53 + 1, 3.14]);
    case 3:
      return random.pick(['', ' ', 'null', '0', '\u0000', '\ud800', '<b>x</b>', 'é'.repeat(50)]);
    case 4:
      return depth > 2 ? [] : [wrongValue(random, depth + 1), wrongValue(random, depth + 1)];
    case 5:
      return depth > 2 ? {} : { a: wrongValue(random, depth + 1) };
    case 6:
      // JSON.parse makes `__proto__` an own key, as a hostile server's answer would.
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Json;
    case 7:
      return [null];
    case 8:
      return 'x'.repeat(random.int(1, 5000));
    default:
      return {};
  }
}

/** Replaces fields (or list items) of a shape with values of the wrong type, nulls included. */
function mutate(value: Json, random: Random, depth = 0): Json {
  if (depth > 4) return value;
  if (Array.isArray(value)) {
    if (value.length === 0 || random.next() < 0.2) return wrongValue(random);
    return value.map((item) => (random.next() < 0.5 ? mutate(item, random, depth + 1) : item));
  }
  if (value !== null && typeof value === 'object') {
    if (random.next() < 0.1) return wrongValue(random);
    // Without a prototype, so that an `out.__proto__ = ...` below is an own key, as in JSON.
    const out = Object.create(null) as Record<string, Json>;
    for (const [key, item] of Object.entries(value)) {
      const roll = random.next();
      if (roll < 0.25) out[key] = wrongValue(random);
      else if (roll < 0.35) continue;
      else out[key] = mutate(item, random, depth + 1);
    }
    if (random.next() < 0.2)
      out[random.pick(['__proto__', 'constructor', 'toString', 'items', 'id'])] = wrongValue(random);
    return out;
  }
  return random.next() < 0.5 ? wrongValue(random) : value;
}

function deepNesting(random: Random): string {
  const depth = random.pick([500, 2_226, 5_000, 20_000]);
  const kind = random.int(0, 3);
  if (kind === 0) return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 1) return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  if (kind === 2) return `{"items":[${'{"items":['.repeat(depth)}${']}'.repeat(depth)}]}`;
  // Nested inside a known field of a valid answer.
  return JSON.stringify({ ...program, participantUsers: '__DEEP__' }).replace(
    '"__DEEP__"',
    '['.repeat(depth) + ']'.repeat(depth),
  );
}

function hugeString(random: Random): string {
  const size = random.pick([16 * 1024, 64 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024]);
  const filler = random.pick(['x', 'é', '\\u0000', '"']);
  const text = filler === '"' ? '\\"'.repeat(size / 2) : filler.repeat(size / filler.length);
  if (random.next() < 0.5) return `{"id":"p1","name":"${text}"}`;
  return `["${text}"]`;
}

/** A malformed answer of one of seven sorts (plus a few error statuses), for an operation of `family`. */
function malformed(family: string, random: Random): Answer {
  const shape = shapes[family] ?? program;
  const json = random.pick(jsonTypes);
  const answer = (body: string, contentType: string | undefined = json, status = 200): Answer => ({
    family,
    status,
    contentType,
    body,
  });
  const sort = random.int(0, 12);
  switch (sort) {
    case 0:
    case 1:
    case 2:
      return answer(JSON.stringify(mutate(shape, random)));
    case 3:
      return answer(JSON.stringify(random.pick([null, [null], { items: null }, { items: [null] }, 0, '', true])));
    case 4: {
      const text = JSON.stringify(shape);
      return answer(text.slice(0, random.int(0, text.length - 1)));
    }
    case 5:
      return answer(
        '<!DOCTYPE html><html><body><h1>Login</h1><form action="/sso"></form></body></html>',
        random.pick(['text/html', 'text/html; charset=utf-8', ...jsonTypes]),
      );
    case 6:
      return answer(deepNesting(random));
    case 7:
      return answer(hugeString(random));
    case 8:
      return answer(
        JSON.stringify(shape),
        random.pick(['text/plain', 'application/xml', 'application/octet-stream', undefined, 'jsonp']),
      );
    case 9:
      return answer(
        random.pick(['', ' ', '\ufeff{}', 'undefined', 'NaN', '{"a":1}{"b":2}', '[1,]', '{"a":01}', '\u0000\u0001']),
      );
    case 10:
      // Scalars and numbers JSON cannot hold exactly, as the server's text gives them.
      return answer(
        random.pick([
          '1e400',
          '-0',
          '9007199254740993',
          '"x"',
          '[]',
          '{}',
          '{"id":1e400}',
          '{"items":[],"totalItemCount":-1e999}',
        ]),
      );
    case 11: {
      // Binary garbage.
      const bytes = Array.from({ length: random.int(1, 300) }, () => String.fromCharCode(random.int(0, 255)));
      return answer(bytes.join(''), random.pick([...jsonTypes, undefined]));
    }
    default:
      // An error status with a malformed body: still a RecordingServiceError of the status's kind.
      return answer(
        random.pick(['<html>502 Bad Gateway</html>', '{"message":', 'null', '[[[[', '']),
        random.pick(['text/html', ...jsonTypes]),
        random.pick([400, 401, 403, 404, 409, 500, 502, 503]),
      );
  }
}

/** Every read operation of the public client, with the answer family it expects. */
const reads: [name: string, family: string, run: (client: RecordingClient) => Promise<unknown>][] = [
  ['programs.list', 'paged', (c) => c.programs.list({})],
  ['programs.listByCategory', 'paged', (c) => c.programs.listByCategory('c1', {})],
  ['programs.listByPublisher', 'paged', (c) => c.programs.listByPublisher('alice', {})],
  ['programs.broadcasts', 'list', (c) => c.programs.broadcasts('all', {})],
  ['programs.get', 'program', (c) => c.programs.get('p1')],
  ['programs.playbackAddress', 'address', (c) => c.programs.playbackAddress('p1')],
  ['programs.status', 'status', (c) => c.programs.status('p1')],
  ['categories.list', 'category', (c) => c.categories.list()],
  ['categories.get', 'category', (c) => c.categories.get('c1')],
  ['templates.list', 'template', (c) => c.templates.list()],
  ['templates.get', 'template', (c) => c.templates.get('t1')],
  ['chat.sessions', 'chatSession', (c) => c.chat.sessions('p1')],
  ['chat.session', 'chatSession', (c) => c.chat.session('p1', 's1')],
  ['settings.system', 'settings', (c) => c.settings.system()],
  ['settings.tenant', 'tenant', (c) => c.settings.tenant('default')],
  ['reports.access', 'accessReport', (c) => c.reports.access({})],
  ['reports.accessForProgram', 'accessReport', (c) => c.reports.accessForProgram('p1', {})],
  ['reports.viewers', 'viewerReport', (c) => c.reports.viewers('p1', {})],
];

const server = startMswServer();
const newClient = trackClients();

describe('fuzzed answers (issue 9)', () => {
  const totals: Record<string, number> = {};

  it.each(reads)(
    'should turn %s malformed answers into RecordingServiceError only',
    async (name, family, run) => {
      const random = generator(SEED + reads.findIndex(([n]) => n === name) * 7919);
      const answers = Array.from({ length: CASES }, () => malformed(family, random));
      const queues = Array.from({ length: WORKERS }, (_, worker) => answers.filter((_, at) => at % WORKERS === worker));
      let served = 0;
      server.use(
        http.all(/^https:\/\/w\d+\.rec\.test\//, ({ request }) => {
          const worker = Number(/^https:\/\/w(\d+)\./.exec(request.url)?.[1]);
          const next = queues[worker]?.shift();
          if (!next) return HttpResponse.error();
          served++;
          const headers: Record<string, string> = next.contentType ? { 'Content-Type': next.contentType } : {};
          return new HttpResponse(next.body, { status: next.status, headers });
        }),
      );
      const kinds: Record<string, number> = {};
      const escaped: string[] = [];
      const work = async (worker: number) => {
        const client = newClient(testConfig({ host: `w${worker}.rec.test` }));
        for (let at = worker; at < CASES; at += WORKERS) {
          try {
            await run(client);
            kinds.ok = (kinds.ok ?? 0) + 1;
          } catch (error) {
            if (isRecordingServiceError(error)) {
              kinds[error.kind] = (kinds[error.kind] ?? 0) + 1;
            } else {
              kinds['NOT RecordingServiceError'] = (kinds['NOT RecordingServiceError'] ?? 0) + 1;
              const answer = answers[at];
              escaped.push(
                `${String(error).slice(0, 120)} <- ${answer?.status} ${answer?.contentType} ${answer?.body.slice(0, 60)}`,
              );
            }
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, worker) => work(worker)));
      for (const [kind, count] of Object.entries(kinds)) totals[kind] = (totals[kind] ?? 0) + count;
      console.log(`[fuzz] ${name}: ${CASES} answers ->`, JSON.stringify(kinds));
      expect(served).toBe(CASES);
      expect(escaped.slice(0, 5)).toEqual([]);
    },
    120_000,
  );

  it('should have printed the totals', () => {
    console.log('[fuzz] all read operations ->', JSON.stringify(totals));
    expect(Object.keys(totals).length).toBeGreaterThan(0);
  });
});
