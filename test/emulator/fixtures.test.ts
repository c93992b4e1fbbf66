// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  makeCategory,
  makeChatMessage,
  makeChatSession,
  makePagedList,
  makeProgram,
  makePrograms,
  makeTemplate,
} from '../../src/testing/fixtures';

describe('fixture factories', () => {
  it('should make the same program every time, with overrides applied', () => {
    expect(makeProgram()).toEqual(makeProgram());
    expect(makeProgram({ id: 'x 1', name: 'Town hall' })).toMatchObject({
      id: 'x 1',
      name: 'Town hall',
      thumbnail: '/thumbnails/x%201.jpg',
      statusUrl: 'https://recordings.test/api/manager/programs/x%201/status',
      reportUrl: 'https://recordings.test/api/manager/programs/x%201/report?dnId=dn-1',
    });
  });

  it('should make numbered programs and a page of them', () => {
    const programs = makePrograms(3, { owner: 'bob' });
    expect(programs.map((p) => [p.id, p.owner])).toEqual([
      ['p-fixture-1', 'bob'],
      ['p-fixture-2', 'bob'],
      ['p-fixture-3', 'bob'],
    ]);
    expect(makePagedList(programs, 40)).toEqual({ items: programs, totalItemCount: 40 });
    expect(makePagedList(programs).totalItemCount).toBe(3);
  });

  it('should derive a chat session from its messages', () => {
    const session = makeChatSession({
      messages: [
        makeChatMessage({ timestamp: 1 }),
        makeChatMessage({ type: 'RESPONSE', timestamp: 2 }),
        makeChatMessage({ timestamp: 3 }),
        makeChatMessage({ timestamp: 4 }),
      ],
    });
    expect(session).toMatchObject({ lastMessageTime: 4, unansweredCount: 2 });
    expect(makeCategory({ id: 'c-x' }).programsUrl).toContain('/programs/category/c-x');
    expect(makeTemplate().callWidth).toBe(1280);
  });
});
