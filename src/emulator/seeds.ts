import type { AccessMode, ChatMessage, ProgramState } from '../core/types';
import { sampleMp4, sampleMp4Md5 } from './media';
import { createRandom, type Random } from './random';
import type { EmulatorChatSession, EmulatorProgram, EmulatorSeedData, EmulatorView } from './types';
import { EMULATOR_ACME_USER, EMULATOR_USERS, seedTenants } from './users';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MODES: readonly AccessMode[] = ['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC'];

/** The PIN of every PIN-protected program of the named seeds. */
export const EMULATOR_PROGRAM_PIN = '1234';
/** The Q&A moderator PIN of every moderated program of the named seeds. */
export const EMULATOR_MODERATOR_PIN = '4321';

/**
 * Programs of the `default` seed worth knowing by id. Every id exists in a fresh emulator; the
 * `deletedExpired` one is purged on first access because it is older than the 30-day retention.
 */
export const EMULATOR_PROGRAMS = Object.freeze({
  /** Title `<img src=x onerror=alert(1)>`: must render as text. PUBLIC, owner alice. */
  htmlTitle: 'p-001',
  /** Unicode title and description. ALL_USERS, owner alice. */
  unicodeTitle: 'p-002',
  /** PUBLIC recording owned by alice, downloadable. */
  publicRecording: 'p-004',
  /** PRIVATE recording owned by alice. */
  privateOfAlice: 'p-005',
  /** USER_LIST recording owned by alice, listing carol. */
  userListOfAlice: 'p-006',
  /** ALL_USERS recording owned by bob. */
  allUsersOfBob: 'p-007',
  /** PIN-protected (PIN {@link EMULATOR_PROGRAM_PIN}) PUBLIC recording owned by alice. */
  pinProtected: 'p-008',
  /** Still processing: status goes PENDING, STARTED, then COMPLETE, one step per status call. */
  processing: 'p-009',
  /** Failed recording. */
  failed: 'p-010',
  /** Live broadcast running now, PUBLIC, Q&A on with moderator PIN {@link EMULATOR_MODERATOR_PIN}, one session. */
  liveNow: 'p-051',
  /** Live broadcast starting an hour after the emulator clock (of two hours). */
  liveLaterToday: 'p-054',
  /** Live broadcast two days ahead. */
  liveFuture: 'p-057',
  /** In alice's recycle bin (deleted a day ago). */
  deletedOfAlice: 'p-061',
  /** Deleted 40 days ago: older than the retention, purged on first access. */
  deletedExpired: 'p-064',
});

const SPECIAL_NAMES: Record<number, [string, string]> = {
  1: ['<img src=x onerror=alert(1)>', 'A title that looks like HTML: it must be shown as text, never as markup.'],
  2: ['Café ☕ all-hands — Ünïcødé test', 'Grüße, 東京オフィス紹介, Привет мир, مرحبا بالعالم, 🎬🎉'],
  3: ['東京オフィス紹介', '日本語の説明文です。'],
};

const TOPICS = [
  'Quarterly all-hands',
  'Onboarding: week one',
  'Security awareness',
  'Release demo',
  'Customer panel',
  'Architecture review',
  'Sales kickoff',
  'Design critique',
  'Incident retrospective',
  'Benefits Q&A',
  'Product roadmap',
  'Engineering guild',
  'Town hall',
  'Lunch & learn: TypeScript',
  'Partner webinar',
];

const CATEGORIES = [
  { id: 'c-general', name: 'General' },
  { id: 'c-training', name: 'Training' },
  { id: 'c-townhall', name: 'Town halls' },
  { id: 'c-eng', name: 'Engineering' },
  { id: 'c-sales', name: 'Sales & Marketing' },
  { id: 'c-intl', name: 'International — Ünïcødé' },
];

const TEMPLATES = [
  {
    id: 't-hd',
    name: 'HD 720p',
    description: 'Video conference, 1280x720',
    callBitrate: 2048,
    callWidth: 1280,
    callHeight: 720,
  },
  {
    id: 't-sd',
    name: 'SD 480p',
    description: 'Video conference, 854x480',
    callBitrate: 1024,
    callWidth: 854,
    callHeight: 480,
  },
  { id: 't-audio', name: 'Audio only', description: 'Audio conference', callBitrate: 64, callWidth: 0, callHeight: 0 },
];

const iso = (ms: number): string => new Date(ms).toISOString();

/** The defaults every program starts from: a finished, playable 3 s recording. */
export function baseProgram(id: string, now: number, overrides: Partial<EmulatorProgram> = {}): EmulatorProgram {
  const accessMode = overrides.accessMode ?? 'ALL_USERS';
  return {
    id,
    tenantId: 'default',
    name: `Recording ${id}`,
    description: '',
    owner: 'alice',
    participantUsers: [],
    categoryId: 'c-general',
    templateId: 't-hd',
    accessMode,
    accessUsers: [],
    public: accessMode === 'PUBLIC',
    live: false,
    started: false,
    startDate: iso(now - DAY),
    creationDate: iso(now - DAY),
    deleted: false,
    duration: 3,
    size: Math.ceil(sampleMp4().length / 1024),
    width: 160,
    height: 90,
    bitrate: 84,
    mediaType: 2 | 4,
    md5Hash: sampleMp4Md5(),
    allowMediaDownload: true,
    available: true,
    viewCount: 0,
    currentViewerCount: 0,
    chatEnabled: false,
    moderatorPinProtected: false,
    dnAddress: 'dn-1.emulator.local',
    programStatus: 'COMPLETE',
    ...overrides,
  };
}

function owners(i: number): string {
  return (['alice', 'bob', 'tara'] as const)[Math.floor(i / 4) % 3] ?? 'alice';
}

function accessUsersFor(mode: AccessMode, owner: string): string[] {
  if (mode !== 'USER_LIST') return [];
  return owner === 'carol' ? ['bob'] : ['carol', owner === 'alice' ? 'bob' : 'alice'];
}

function defaultProgram(i: number, now: number, random: Random): EmulatorProgram {
  const id = `p-${String(i).padStart(3, '0')}`;
  const owner = i <= 8 ? (i === 7 ? 'bob' : 'alice') : owners(i);
  const mode: AccessMode =
    i === 1 || i === 4 || i === 8
      ? 'PUBLIC'
      : i === 5
        ? 'PRIVATE'
        : i === 6
          ? 'USER_LIST'
          : i <= 8
            ? 'ALL_USERS'
            : MODES[i % 4]!;
  const special = SPECIAL_NAMES[i];
  const topic = TOPICS[i % TOPICS.length]!;
  const category = CATEGORIES[i % CATEGORIES.length]!;
  const created = now - i * 1.7 * DAY - random.int(0, 20) * HOUR;
  const program = baseProgram(id, now, {
    name: special?.[0] ?? `${topic} #${i}`,
    description: special?.[1] ?? `${topic}: session ${i}, recorded for the ${category.name} channel.`,
    owner,
    accessMode: mode,
    accessUsers: accessUsersFor(mode, owner),
    public: mode === 'PUBLIC',
    categoryId: category.id,
    templateId: TEMPLATES[i % TEMPLATES.length]!.id,
    creationDate: iso(created),
    startDate: iso(created - HOUR),
    duration: 3 + random.int(0, 3600),
    viewCount: random.int(0, 500),
    allowMediaDownload: i % 2 === 0,
    participantUsers: i % 5 === 0 ? ['carol'] : [],
  });
  if (i === 8 || i === 21 || i === 35) {
    program.password = EMULATOR_PROGRAM_PIN;
    program.passwordProtected = true;
  }
  if (i === 9) {
    program.statusSequence = ['PENDING', 'STARTED', 'COMPLETE'] satisfies ProgramState[];
    program.programStatus = 'PENDING';
    program.available = false;
  }
  if (i === 10) {
    program.programStatus = 'FAILED';
    program.statusSequence = ['FAILED'];
    program.available = false;
  }
  if (i >= 50 && i <= 59) {
    const start =
      i <= 52 ? now - (i - 49) * 10 * 60_000 : i <= 55 ? now + (i - 53 + 1) * 30 * 60_000 : now + (i - 55) * DAY;
    Object.assign(program, {
      live: true,
      started: start <= now,
      startDate: iso(start),
      creationDate: iso(Math.min(start, now) - DAY),
      duration: 2 * 3600,
      programStatus: start <= now ? 'STARTED' : 'SCHEDULED',
      mediaType: 4,
      chatEnabled: true,
      conferenceAddress: `sip:meet-${i}@emulator.local`,
      currentViewerCount: start <= now ? random.int(1, 40) : 0,
    } satisfies Partial<EmulatorProgram>);
    if (i === 51) {
      program.accessMode = 'PUBLIC';
      program.public = true;
      program.accessUsers = [];
      program.moderatorPin = EMULATOR_MODERATOR_PIN;
      program.moderatorPinProtected = true;
    }
  }
  if (i >= 61) {
    const ago = [1, 3, 10, 40][i - 61]!;
    program.owner = i % 2 === 1 ? 'alice' : 'bob';
    program.deleted = true;
    program.deletedDate = iso(now - ago * DAY);
  }
  return program;
}

function chatSeed(now: number): EmulatorChatSession[] {
  const sessionId = 's-seed-1';
  const messages: ChatMessage[] = [
    {
      sessionId,
      type: 'QUESTION',
      message: 'Will the slides be shared?',
      senderDisplayName: 'Carol Díaz',
      senderId: 'carol',
      authenticated: true,
      timestamp: now - 9 * 60_000,
    },
    {
      sessionId,
      type: 'RESPONSE',
      message: 'Yes, after the broadcast.',
      senderDisplayName: 'Alice Åberg',
      senderId: 'alice',
      authenticated: true,
      timestamp: now - 8 * 60_000,
    },
    {
      sessionId,
      type: 'QUESTION',
      message: 'Is there a recording? <b>bold?</b>',
      senderDisplayName: 'Carol Díaz',
      senderId: 'carol',
      authenticated: true,
      timestamp: now - 5 * 60_000,
    },
  ];
  return [
    {
      sessionId,
      programId: EMULATOR_PROGRAMS.liveNow,
      initiatorName: 'Carol Díaz',
      initiatorAuthenticated: true,
      lastMessageTime: now - 5 * 60_000,
      unansweredCount: 1,
      messages,
    },
  ];
}

function viewSeed(now: number, programs: EmulatorProgram[], random: Random): EmulatorView[] {
  const views: EmulatorView[] = [];
  const agents = [
    'Mozilla/5.0 (Windows NT 10.0) Chrome/130',
    'Mozilla/5.0 (Macintosh) Safari/17',
    'Mozilla/5.0 (X11; Linux) Firefox/132',
  ];
  const viewers = [null, 'carol', 'bob', 'alice', 'admin'] as const;
  const watchable = programs.filter((p) => !p.deleted && !p.live);
  for (let i = 0; i < 40; i++) {
    const program = random.pick(watchable);
    const username = random.pick(viewers);
    const node = random.int(1, 2);
    views.push({
      reportId: `r-seed-${i + 1}`,
      programId: program.id,
      tenantId: program.tenantId,
      ended: true,
      programName: program.name,
      ownerName: program.owner,
      categoryName: CATEGORIES.find((c) => c.id === program.categoryId)?.name ?? '',
      programType: program.live ? 'LIVE' : 'VOD',
      username,
      guest: username === null,
      clientIpAddr: `10.0.${node}.${random.int(2, 250)}`,
      userAgent: random.pick(agents),
      startDate: iso(now - random.int(1, 120) * DAY + random.int(0, 23) * HOUR),
      duration: random.int(5, 1800),
      dnName: `dn-${node}`,
      dnAddress: `dn-${node}.emulator.local`,
      location: random.pick(['Berlin', 'Toronto', 'Tokyo', 'São Paulo']),
    });
  }
  return views;
}

/** The `default` seed at clock `now`: 64 programs, 6 categories, 3 templates, Q&A and view history. */
export function defaultSeed(now: number, multiTenant: boolean): Required<EmulatorSeedData> {
  const random = createRandom(20_240_601);
  const programs = Array.from({ length: 64 }, (_, i) => defaultProgram(i + 1, now, random));
  if (multiTenant) {
    for (let i = 1; i <= 4; i++) {
      programs.push(
        baseProgram(`acme-${i}`, now, {
          tenantId: 'acme',
          owner: 'zoe',
          name: `ACME briefing ${i}`,
          accessMode: MODES[i % 4]!,
          public: MODES[i % 4] === 'PUBLIC',
          categoryId: 'c-acme',
          creationDate: iso(now - i * DAY),
        }),
      );
    }
  }
  return {
    users: multiTenant ? [...EMULATOR_USERS, EMULATOR_ACME_USER] : [...EMULATOR_USERS],
    tenants: seedTenants(multiTenant),
    categories: [
      ...CATEGORIES.map((c) => ({ ...c, tenantId: 'default' })),
      ...(multiTenant ? [{ id: 'c-acme', name: 'ACME', tenantId: 'acme' }] : []),
    ],
    templates: TEMPLATES.map((t) => ({ ...t, tenantId: 'default' })),
    programs,
    chatSessions: chatSeed(now),
    views: viewSeed(now, programs, random),
  };
}

/**
 * The `many` seed: 10,000 recordings (`m-00001` ..) over the default users and categories, built by
 * arithmetic (no per-item randomness beyond a cheap hash) so it takes milliseconds.
 */
export function manySeed(now: number, multiTenant: boolean): Required<EmulatorSeedData> {
  const base = defaultSeed(now, multiTenant);
  const programs: EmulatorProgram[] = new Array(10_000);
  const md5Hash = sampleMp4Md5();
  const size = Math.ceil(sampleMp4().length / 1024);
  for (let i = 0; i < 10_000; i++) {
    const n = i + 1;
    const h = Math.imul(n, 2654435761) >>> 0;
    const mode = MODES[h % 4]!;
    const owner = (['alice', 'bob', 'tara', 'admin'] as const)[(h >>> 3) % 4]!;
    const created = now - n * 37 * 60_000;
    programs[i] = {
      id: `m-${String(n).padStart(5, '0')}`,
      tenantId: 'default',
      name: `${TOPICS[h % TOPICS.length]} ${n}`,
      description: `Generated recording number ${n}.`,
      owner,
      participantUsers: [],
      categoryId: CATEGORIES[(h >>> 5) % CATEGORIES.length]!.id,
      templateId: 't-hd',
      accessMode: mode,
      accessUsers: mode === 'USER_LIST' ? ['carol'] : [],
      public: mode === 'PUBLIC',
      live: false,
      started: false,
      startDate: iso(created - HOUR),
      creationDate: iso(created),
      deleted: false,
      duration: 3 + (h % 5400),
      size,
      width: 160,
      height: 90,
      bitrate: 84,
      mediaType: 6,
      md5Hash,
      allowMediaDownload: (h & 1) === 0,
      available: true,
      viewCount: h % 1000,
      currentViewerCount: 0,
      chatEnabled: false,
      moderatorPinProtected: false,
      dnAddress: 'dn-1.emulator.local',
      programStatus: 'COMPLETE',
    };
  }
  return { ...base, programs, chatSessions: [], views: [] };
}

/** No programs, no history: only the users, tenants, categories and templates. */
export function emptySeed(now: number, multiTenant: boolean): Required<EmulatorSeedData> {
  return { ...defaultSeed(now, multiTenant), programs: [], chatSessions: [], views: [] };
}
