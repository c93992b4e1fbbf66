import { afterEach, describe, expect, it } from 'vitest';
import { parseServerDate } from '../../src/core/dates';
import { createMd5 } from '../../src/core/md5';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../../src/emulator/seeds';
import { clientAs, NOW, rejectionOf, urlOf, type Running, type Transport } from './helpers';

const P = '/api/manager/programs';
/** WIRE.md's form of program and report dates: the server's wall clock, no fraction, no zone. */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
/** WIRE.md's `programCreationStage` values. */
const CREATION_STAGES = [
  'CREATE_DIRECTORIES',
  'CREATE_SCRIPT_RESOURCES',
  'CREATE_SLIDESET',
  'CREATE_LINKED_RESOURCES',
  'CREATE_RESOURCES',
  'CREATE_AGGREGATE_RESOURCES',
  'PENDING_START',
  'COMPLETE',
  'DISTRIBUTION_INITIATED',
];
/** Epoch ms of a date the emulator (in UTC unless told) answered. */
const msOf = (text: string | undefined, offset = 0): number => parseServerDate(text, offset)?.getTime() ?? NaN;

/**
 * The same WIRE.md cases, through the real client, for one transport. Each test gets a fresh
 * emulator (clock fixed at {@link NOW}).
 */
export function defineContract(transport: Transport): void {
  describe(`the emulator through ${transport.name}`, () => {
    let running: Running | undefined;
    const start = async (options: Parameters<Transport['start']>[0] = {}): Promise<Running> => {
      running = await transport.start({ now: () => NOW, ...options });
      return running;
    };
    afterEach(async () => {
      await running?.stop();
      running = undefined;
    });

    it('should exchange a portal token and refuse an unknown one', async () => {
      const r = await start();
      const client = await clientAs(r, 'alice');
      expect(client.session.current()).toMatchObject({ status: 'user', user: 'alice' });
      const stranger = await clientAs(r);
      const error = await rejectionOf(stranger.session.signIn('portal-nobody', 'mallory'));
      expect(error.status).toBe(401);
      const auth = r.emulator.requests.filter((q) => q.path.endsWith('/authorization'));
      expect(auth.map((q) => q.method)).toEqual(['POST', 'POST']);
      expect(auth[0]!.headers['content-type']).toContain('application/x-www-form-urlencoded');
      expect(auth[0]!.headers.authorization).toBe('UPToken ***');
    });

    it('should page, search, filter and sort the recordings', async () => {
      const r = await start();
      const client = await clientAs(r, 'admin');
      const first = await client.programs.list({ offset: 0, count: 5, orderBy: 'name' });
      const second = await client.programs.list({ offset: 5, count: 5, orderBy: 'name' });
      expect(first.items).toHaveLength(5);
      expect(first.totalItemCount).toBe(second.totalItemCount);
      const names = [...first.items, ...second.items].map((p) => p.name!.toLowerCase());
      expect(names).toEqual([...names].sort());
      expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(10);

      const descending = await client.programs.list({ count: 3, orderBy: '-viewCount' });
      const views = descending.items.map((p) => p.viewCount!);
      expect(views).toEqual([...views].sort((a, b) => b - a));

      const search = await client.programs.list({ query: 'ARCHITECTURE review', count: 100 });
      expect(search.totalItemCount).toBeGreaterThan(0);
      for (const p of search.items) expect(`${p.name} ${p.description}`.toLowerCase()).toContain('architecture review');

      const sample = [...r.emulator.state.programs.values()].find((p) => p.owner === 'bob' && !p.live && !p.deleted)!;
      const byCategory = await client.programs.list({ category: sample.categoryId, ownerId: 'bob', count: 100 });
      expect(byCategory.items.map((p) => p.id)).toContain(sample.id);
      for (const p of byCategory.items) expect(p).toMatchObject({ categoryId: sample.categoryId, owner: 'bob' });

      const orphan = await fetch(urlOf(r.baseUrl, P, { tenantId: 'default', orderBy2: 'name' }));
      expect(orphan.status).toBe(400);
      expect(await orphan.json()).toMatchObject({ details: { parameter: 'orderBy2' } });
      const paired = await fetch(urlOf(r.baseUrl, P, { tenantId: 'default', orderBy: 'owner', orderBy2: 'name:desc' }));
      const pairs = ((await paired.json()) as { items: { owner: string; name: string }[] }).items;
      for (let i = 1; i < pairs.length; i++) {
        const [a, b] = [pairs[i - 1]!, pairs[i]!];
        expect(a.owner < b.owner || (a.owner === b.owner && a.name.toLowerCase() >= b.name.toLowerCase())).toBe(true);
      }
      const unknown = await rejectionOf(client.programs.list({ orderBy: 'colour' }));
      expect(unknown.status).toBe(400);
    });

    it('should list by category and by publisher, with the list media type', async () => {
      const r = await start();
      const client = await clientAs(r, 'admin');
      const training = await client.programs.listByCategory('c-training', { count: 100 });
      expect(training.items.length).toBeGreaterThan(0);
      expect(training.items.every((p) => p.categoryId === 'c-training')).toBe(true);
      const bobs = await client.programs.listByPublisher('bob', { count: 100 });
      expect(bobs.items.length).toBeGreaterThan(0);
      expect(bobs.items.every((p) => p.owner === 'bob' && !p.live && !p.deleted)).toBe(true);
      const bin = await client.programs.listByPublisher('alice', { onlyDeleted: true });
      expect(bin.items.map((p) => p.id)).toContain(EMULATOR_PROGRAMS.deletedOfAlice);
      expect((await rejectionOf(client.programs.listByCategory('c-none'))).status).toBe(404);
      const response = await fetch(urlOf(r.baseUrl, `${P}/category/c-training`, { tenantId: 'default' }));
      expect(response.headers.get('content-type')).toBe('application/vnd.avaya.asr.paged.list.v2+json');
    });

    it('should list live broadcasts now, today and in the future from the clock and the time zone', async () => {
      const r = await start();
      const client = await clientAs(r, 'admin');
      const now = await client.programs.broadcasts('now', { timezoneOffset: 0 });
      expect(now.items.map((p) => p.id)).toEqual(expect.arrayContaining(['p-050', 'p-051', 'p-052']));
      expect(now.items.every((p) => p.live && msOf(p.startDate) <= NOW)).toBe(true);
      const future = await client.programs.broadcasts('future', { timezoneOffset: 0 });
      expect(future.items.every((p) => msOf(p.startDate) > NOW)).toBe(true);
      expect(future.items.map((p) => p.id)).toContain(EMULATOR_PROGRAMS.liveFuture);
      const today = await client.programs.broadcasts('today', { timezoneOffset: 0 });
      expect(today.items.map((p) => p.id)).toContain(EMULATOR_PROGRAMS.liveLaterToday);
      expect(today.items.map((p) => p.id)).not.toContain(EMULATOR_PROGRAMS.liveFuture);
      const all = await client.programs.broadcasts('all', { timezoneOffset: 0 });
      expect(all.totalItemCount).toBe(10);
      const missing = await fetch(urlOf(r.baseUrl, `${P}/live/now`, { tenantId: 'default' }));
      expect(missing.status).toBe(400);
      expect(missing.headers.get('content-type')).toBe('application/vnd.avaya.asr.response.details.v2+json');
      expect(await missing.json()).toMatchObject({ status: 400, message: expect.stringContaining('timezoneOffset') });
    });

    it('should give one program, 404 for an unknown one, and computed canEdit', async () => {
      const r = await start();
      const alice = await clientAs(r, 'alice');
      const carol = await clientAs(r, 'carol');
      const own = await alice.programs.get(EMULATOR_PROGRAMS.publicRecording);
      expect(own).toMatchObject({ id: 'p-004', owner: 'alice', canEdit: true, accessMode: 'PUBLIC' });
      expect(own.self).toBe(`${r.baseUrl}${P}/p-004`);
      expect((await carol.programs.get('p-004')).canEdit).toBe(false);
      expect((await rejectionOf(carol.programs.get('p-nope'))).status).toBe(404);
      expect((await rejectionOf(carol.programs.get(EMULATOR_PROGRAMS.privateOfAlice))).status).toBe(403);
    });

    it('should keep a PIN-protected program locked until the PIN is given', async () => {
      const r = await start();
      const carol = await clientAs(r, 'carol');
      const locked = await carol.programs.get(EMULATOR_PROGRAMS.pinProtected);
      expect(locked.passwordProtected).toBe(true);
      expect(locked.md5Hash).toBeUndefined();
      expect(locked).toMatchObject({
        thumbnail: '/thumbnails/p-008.jpg',
        statusUrl: `${r.baseUrl}${P}/p-008/status`,
        authorizeUrl: `${r.baseUrl}${P}/p-008/authorize/`,
      });
      expect((await rejectionOf(carol.programs.authorize('p-008', '0000'))).status).toBe(403);
      const unlocked = await carol.programs.authorize('p-008', EMULATOR_PROGRAM_PIN);
      expect(unlocked.md5Hash).toMatch(/^[0-9a-f]{32}$/);
      expect((await rejectionOf(carol.programs.playbackAddress('p-008'))).status).toBe(403);
      const address = await carol.programs.playbackAddress('p-008', { password: EMULATOR_PROGRAM_PIN });
      expect(address.streams?.primaryMediaMp4Url).toBe(`${r.baseUrl}/media/p-008.mp4`);
    });

    it('should serve playable media: MP4 with ranges, HLS playlist and segments, thumbnails, a download matching md5Hash', async () => {
      const r = await start();
      const client = await clientAs(r, 'alice');
      const program = await client.programs.get(EMULATOR_PROGRAMS.publicRecording);
      const address = await client.programs.playbackAddress('p-004', { dnid: 'dn-2' });
      expect(address.reportUrl).toMatch(/[?&]dnId=dn-\d/);
      const download = await fetch(address.downloadUrl!);
      expect(download.status).toBe(200);
      const bytes = new Uint8Array(await download.arrayBuffer());
      expect(Number(download.headers.get('content-length'))).toBe(bytes.length);
      expect(createMd5().update(bytes).digest()).toBe(program.md5Hash);
      expect(String.fromCharCode(...bytes.slice(4, 8))).toBe('ftyp');

      const part = await fetch(address.streams!.primaryMediaMp4Url!, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(100, 200));
      const tail = await fetch(address.streams!.primaryMediaMp4Url!, { headers: { Range: 'bytes=-10' } });
      expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(-10));
      const beyond = await fetch(address.streams!.primaryMediaMp4Url!, {
        headers: { Range: `bytes=${bytes.length}-` },
      });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);

      const playlist = await fetch(address.streams!.primaryMediaHlsUrl!);
      expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
      const text = await playlist.text();
      expect(text.startsWith('#EXTM3U')).toBe(true);
      const segmentName = text.split('\n').find((line) => line.endsWith('.ts'))!;
      const segment = new Uint8Array(
        await (await fetch(new URL(segmentName, address.streams!.primaryMediaHlsUrl!))).arrayBuffer(),
      );
      expect(segment[0]).toBe(0x47); // MPEG-TS sync byte
      const thumb = await fetch(new URL(program.thumbnail!, r.baseUrl));
      expect(thumb.headers.get('content-type')).toBe('image/jpeg');
      expect([...new Uint8Array(await thumb.arrayBuffer()).slice(0, 2)]).toEqual([0xff, 0xd8]);
    });

    it('should walk the status of a processing recording to COMPLETE', async () => {
      const r = await start();
      const client = await clientAs(r, 'alice');
      const states = [];
      const stages = [];
      for (let i = 0; i < 4; i++) {
        const status = await client.programs.status(EMULATOR_PROGRAMS.processing);
        states.push(status.state);
        stages.push(status.programCreationStage);
      }
      expect(states).toEqual(['PENDING', 'STARTED', 'COMPLETE', 'COMPLETE']);
      expect(stages.at(-1)).toBe('COMPLETE');
      const others = [EMULATOR_PROGRAMS.failed, EMULATOR_PROGRAMS.liveNow, EMULATOR_PROGRAMS.liveFuture, 'p-004'];
      for (const id of others) stages.push((await client.programs.status(id)).programCreationStage);
      for (const stage of stages) expect(CREATION_STAGES).toContain(stage);
    });

    it('should record a view from start to end in the access and viewer reports', async () => {
      const r = await start();
      const carol = await clientAs(r, 'carol');
      const alice = await clientAs(r, 'alice');
      const before = await alice.programs.get('p-004');
      const receipt = await carol.programs.reportViewStart('p-004', { dnId: 'dn-2' });
      expect(receipt.reportId).toEqual(expect.any(String));
      expect((await alice.programs.get('p-004')).currentViewerCount).toBe(before.currentViewerCount! + 1);
      await carol.programs.reportViewEnd('p-004', receipt.reportId, { dnId: 'dn-2' });
      expect((await alice.programs.get('p-004')).currentViewerCount).toBe(before.currentViewerCount);
      const access = await alice.reports.accessForProgram('p-004', { range: 'LAST_DAY' });
      expect(access[0]).toMatchObject({
        programId: 'p-004',
        username: 'carol',
        guest: false,
        dnName: 'dn-2',
        programType: 'VOD',
      });
      const viewers = await alice.reports.viewers('p-004', { range: 'LAST_DAY' });
      expect(viewers[0]).toMatchObject({ programId: 'p-004', registeredUserViews: 1, totalViews: 1 });
      expect((await rejectionOf(carol.reports.access())).status).toBe(403);
      const all = await (await clientAs(r, 'admin')).reports.access({ range: 'ALL', count: 1000 });
      expect(all.length).toBeGreaterThan(40);
    });

    it('should update the writable fields, ignore read-only ones, and refuse bad values and the never-sent fields', async () => {
      const r = await start();
      const alice = await clientAs(r, 'alice');
      const updated = await alice.programs.update('p-004', { name: 'Renamed ✓', accessMode: 'PRIVATE' });
      expect(updated).toMatchObject({ name: 'Renamed ✓', accessMode: 'PRIVATE', public: false });
      expect((await alice.programs.get('p-004')).name).toBe('Renamed ✓');
      const carol = await clientAs(r, 'carol');
      expect((await rejectionOf(carol.programs.update('p-007', { name: 'x' }))).status).toBe(403);
      const { tenantId, user, token, timestamp } = r.emulator.signIn('alice');
      const put = (body: unknown, type = 'application/vnd.avaya.asr.program.v2+json'): Promise<Response> =>
        fetch(urlOf(r.baseUrl, `${P}/p-004`, { tenantId, user, token, timestamp }), {
          method: 'PUT',
          headers: { 'Content-Type': type, Accept: 'application/vnd.avaya.asr.program.v2+json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
      expect((await put({ name: 'x' }, 'text/plain')).status).toBe(400);

      const ignored = await put({
        viewCount: 9,
        passwordProtected: true,
        live: true,
        colour: 'red',
        description: 'Kept',
      });
      expect(ignored.status).toBe(200);
      expect(await ignored.json()).toMatchObject({
        description: 'Kept',
        viewCount: updated.viewCount,
        passwordProtected: false,
        live: false,
      });
      expect(r.emulator.state.programs.get('p-004')).not.toHaveProperty('colour');

      const refused = [
        { stream: true },
        { record: false },
        { distributeToCDN: false },
        { conferenceAddress: 'sip:x@example.com' },
        { name: '' },
        { accessMode: 'EVERYONE' },
        { allowMediaDownload: 'yes' },
        { deleted: true },
      ];
      for (const body of refused) {
        const answer = await put({ description: 'Not applied', ...body });
        expect(answer.status).toBe(400);
        expect(await answer.json()).toMatchObject({ details: { field: Object.keys(body)[0] } });
      }
      expect(r.emulator.state.programs.get('p-004')!.description).toBe('Kept');
      expect((await put('{"name":')).status).toBe(400);
    });

    it('should take back a whole Program as it answered it (GET, rename, PUT everything)', async () => {
      const r = await start();
      const alice = await clientAs(r, 'alice');
      const { tenantId, user, token, timestamp } = r.emulator.signIn('alice');
      const type = 'application/vnd.avaya.asr.program.v2+json';
      const neverSent = ['stream', 'record', 'distributeToCDN', 'conferenceAddress'];
      for (const id of ['p-004', EMULATOR_PROGRAMS.pinProtected, EMULATOR_PROGRAMS.liveNow]) {
        const url = urlOf(r.baseUrl, `${P}/${id}`, { tenantId, user, token, timestamp });
        const program = (await (await fetch(url, { headers: { Accept: type } })).json()) as Record<string, unknown>;
        expect(Object.keys(program)).toEqual(
          expect.arrayContaining(['self', 'passwordProtected', 'live', 'creationDate', 'startDate']),
        );
        // A recording carries none of the four never-sent fields, so its body is the whole answer; a live
        // broadcast's conferenceAddress is left out, as the legacy client leaves it out.
        if (!program.live) for (const key of neverSent) expect(program).not.toHaveProperty(key);
        const body = Object.fromEntries(Object.entries(program).filter(([key]) => !neverSent.includes(key)));
        const answer = await fetch(url, {
          method: 'PUT',
          headers: { 'Content-Type': type, Accept: type },
          body: JSON.stringify({ ...body, name: `${String(program.name)} (renamed)` }),
        });
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ ...program, name: `${String(program.name)} (renamed)` });
      }
      // In the recycle bin too: `deleted: true` sent back unchanged is no change.
      await alice.programs.remove('p-005');
      const url = urlOf(r.baseUrl, `${P}/p-005`, { tenantId, user, token, timestamp });
      const deleted = (await (await fetch(url)).json()) as Record<string, unknown>;
      expect(deleted.deleted).toBe(true);
      const renamed = await fetch(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/vnd.avaya.asr.program.v2+json' },
        body: JSON.stringify({ ...deleted, name: 'Binned' }),
      });
      expect(await renamed.json()).toMatchObject({ name: 'Binned', deleted: true, deletedDate: deleted.deletedDate });
    });

    it('should write program and report dates on the server wall clock, systemTimeISO8601 with its offset, the rest as epoch ms', async () => {
      for (const offset of [0, 60, -330]) {
        let clock = NOW;
        const r = await start({ now: () => clock, utcOffsetMinutes: offset });
        const alice = await clientAs(r, 'alice');
        const admin = await clientAs(r, 'admin');
        const settings = await alice.settings.system();
        const sign = offset < 0 ? '-' : '+';
        const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        expect(settings.systemTimeISO8601).toBe(
          `${new Date(NOW + offset * 60_000).toISOString().slice(0, 19)}${sign}${hhmm}`,
        );
        expect(Date.parse(settings.systemTimeISO8601!)).toBe(NOW);
        expect(settings.systemTime).toBe(NOW);

        const list = await admin.programs.list({ count: 1000 });
        const live = await admin.programs.broadcasts('all', { timezoneOffset: 0, count: 100 });
        await alice.programs.remove('p-004');
        const bin = await alice.programs.list({ onlyDeleted: true, count: 1000 });
        const programs = [...list.items, ...live.items, ...bin.items];
        const dates = programs.flatMap((p) =>
          [p.creationDate, p.startDate, p.expirationDate, p.deletedDate].filter((d) => d !== undefined),
        );
        expect(dates.length).toBeGreaterThan(programs.length);
        for (const date of dates) expect(date).toMatch(WALL_CLOCK);
        expect(msOf(bin.items.find((p) => p.id === 'p-004')!.deletedDate, offset)).toBe(NOW);
        const stored = r.emulator.state.programs.get(EMULATOR_PROGRAMS.liveFuture)!.startDate;
        const answered = live.items.find((p) => p.id === EMULATOR_PROGRAMS.liveFuture)!.startDate;
        expect(msOf(answered, offset)).toBe(Date.parse(stored!));

        clock += 1500;
        const receipt = await alice.programs.reportViewStart('p-001');
        await alice.programs.reportViewEnd('p-001', receipt.reportId);
        const access = await admin.reports.access({ range: 'ALL', count: 1000 });
        for (const row of access) expect(row.startDate).toMatch(WALL_CLOCK);
        expect(msOf(access[0]!.startDate, offset)).toBe(Math.floor(clock / 1000) * 1000);

        const session = await alice.chat.openSession(EMULATOR_PROGRAMS.liveNow, { sender: 'Alice' });
        await alice.chat.post(EMULATOR_PROGRAMS.liveNow, session.sessionId!, { message: 'When?', type: 'QUESTION' });
        const chat = await alice.chat.session(EMULATOR_PROGRAMS.liveNow, session.sessionId!);
        expect(chat.lastMessageTime).toBe(clock);
        expect(chat.messages!.map((m) => m.timestamp)).toEqual([clock]);
        await r.stop();
        running = undefined;
      }
    });

    it('should move a deleted program to the recycle bin and restore it', async () => {
      const r = await start();
      const alice = await clientAs(r, 'alice');
      await alice.programs.remove('p-004');
      expect((await alice.programs.list({ count: 1000 })).items.map((p) => p.id)).not.toContain('p-004');
      const bin = await alice.programs.list({ onlyDeleted: true, count: 1000 });
      expect(bin.items.find((p) => p.id === 'p-004')).toMatchObject({
        deleted: true,
        deletedDate: '2026-03-02T12:00:00',
      });
      const restored = await alice.programs.restore('p-004');
      expect(restored.deleted).toBe(false);
      await alice.programs.remove('p-004', { permanent: true, deleteResources: false });
      expect((await rejectionOf(alice.programs.get('p-004'))).status).toBe(404);
    });

    it('should list categories and templates', async () => {
      const r = await start();
      const client = await clientAs(r);
      const categories = await client.categories.list();
      expect(categories.map((c) => c.name)).toContain('International — Ünïcødé');
      expect(await client.categories.get('c-eng')).toMatchObject({
        id: 'c-eng',
        name: 'Engineering',
        tenants: ['default'],
      });
      const templates = await client.templates.list();
      expect(templates).toHaveLength(3);
      expect(await client.templates.get('t-hd')).toMatchObject({ callWidth: 1280, callHeight: 720 });
      expect((await rejectionOf(client.templates.get('t-none'))).status).toBe(404);
    });

    it('should run Q&A: open, ask, answer with the moderator PIN, and fetch only newer messages', async () => {
      let clock = NOW;
      const r = await start({ now: () => clock });
      const guest = await clientAs(r);
      const live = EMULATOR_PROGRAMS.liveNow;
      const session = await guest.chat.openSession(live, { sender: 'Guest Gus' });
      expect(session).toMatchObject({ initiatorName: 'Guest Gus', initiatorAuthenticated: false });
      await guest.chat.post(live, session.sessionId!, { message: 'First?', type: 'QUESTION' });
      const seen = await guest.chat.session(live, session.sessionId!);
      const last = seen.messages!.at(-1)!.timestamp!;
      clock += 1000;
      await guest.chat.post(
        live,
        session.sessionId!,
        { message: 'Answer', type: 'RESPONSE', senderDisplayName: 'Mod' },
        { moderatorPin: EMULATOR_MODERATOR_PIN },
      );
      const newer = await guest.chat.session(live, session.sessionId!, { after: last });
      expect(newer.messages!.map((m) => m.message)).toEqual(['Answer']);
      expect(newer.unansweredCount).toBe(0);
      expect(
        (await rejectionOf(guest.chat.post(live, session.sessionId!, { message: 'x', type: 'RESPONSE' }))).status,
      ).toBe(403);
      const tooLong = await fetch(
        urlOf(r.baseUrl, `${P}/${live}/chat/sessions/${session.sessionId}`, { tenantId: 'default' }),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/vnd.avaya.chat.message.v2+json' },
          body: JSON.stringify({ message: 'x'.repeat(1025), type: 'QUESTION' }),
        },
      );
      expect(tooLong.status).toBe(400);
      await guest.chat.post(live, session.sessionId!, { message: 'y'.repeat(1024), type: 'QUESTION' });
      // The body as the legacy client sends it, without `sessionId` (the path names the session).
      const asLegacy = await fetch(
        urlOf(r.baseUrl, `${P}/${live}/chat/sessions/${session.sessionId}`, { tenantId: 'default' }),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/vnd.avaya.chat.message.v2+json' },
          body: JSON.stringify({ message: 'No sessionId here', type: 'QUESTION', senderDisplayName: 'Guest Gus' }),
        },
      );
      expect(asLegacy.status).toBeLessThan(300);
      expect((await guest.chat.session(live, session.sessionId!)).messages!.at(-1)).toMatchObject({
        sessionId: session.sessionId,
        message: 'No sessionId here',
        senderDisplayName: 'Guest Gus',
        timestamp: expect.any(Number),
      });
      expect((await rejectionOf(guest.chat.sessions(live))).status).toBe(403);
      const alice = await clientAs(r, 'alice');
      const sessions = await alice.chat.sessions(live);
      expect(sessions.map((s) => s.sessionId).sort()).toEqual([session.sessionId, 's-seed-1'].sort());
      const byPin = await guest.chat.sessions(live, { moderatorPin: EMULATOR_MODERATOR_PIN });
      expect(byPin).toHaveLength(sessions.length);
    });

    it('should answer system settings and the tenant', async () => {
      const r = await start({ retention: { policy: 'FOREVER' } });
      const client = await clientAs(r);
      const settings = await client.settings.system();
      expect(settings).toMatchObject({
        multiTenant: false,
        allowGuestAccess: true,
        recordingRetentionPolicy: 'FOREVER',
      });
      expect(settings.systemTimeISO8601).toBe('2026-03-02T12:00:00+00:00');
      expect(await client.settings.tenant()).toMatchObject({
        id: 'default',
        enabled: true,
        recordingRetentionPolicy: 'FOREVER',
      });
      expect((await rejectionOf(client.settings.tenant('nobody'))).status).toBe(404);
    });

    it('should show guests public programs only, and nothing when guest access is off', async () => {
      const r = await start();
      const guest = await clientAs(r);
      const page = await guest.programs.list({ count: 1000 });
      expect(page.totalItemCount).toBeGreaterThan(0);
      expect(page.items.every((p) => p.accessMode === 'PUBLIC' && p.canEdit === false)).toBe(true);
      r.emulator.setGuestAccess(false);
      expect((await rejectionOf(guest.programs.list())).status).toBe(401);
    });

    it('should answer 401 for a present but bad token, even on public content, and for an expired one', async () => {
      let clock = NOW;
      const r = await start({ now: () => clock, tokenTtlMs: 60_000 });
      const bad = await fetch(
        urlOf(r.baseUrl, `${P}/p-004`, { tenantId: 'default', user: 'alice', token: 'forged', timestamp: '1' }),
      );
      expect(bad.status).toBe(401);
      const body = await bad.text();
      expect(body).not.toContain('forged');
      const creds = r.emulator.signIn('alice');
      expect((await fetch(urlOf(r.baseUrl, `${P}/p-004`, creds))).status).toBe(200);
      clock += 60_000;
      expect((await fetch(urlOf(r.baseUrl, `${P}/p-004`, creds))).status).toBe(401);
      expect(r.emulator.requests.at(-1)!.target).not.toContain(creds.token);
    });
  });
}
