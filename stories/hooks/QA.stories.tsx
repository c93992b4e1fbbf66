import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useChatSession, useChatSessions, useOpenChatSession, usePostChatMessage } from '../../hooks';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { HookInspector, queryView } from './Inspector';

const PROGRAM = EMULATOR_PROGRAMS.liveNow;

/** A viewer's side: `useOpenChatSession`, `usePostChatMessage`, `useChatSession`. */
function AskDemo() {
  const open = useOpenChatSession(PROGRAM);
  const sessionId = open.data?.sessionId ?? '';
  const session = useChatSession(PROGRAM, sessionId, { pollMs: 2000 });
  const post = usePostChatMessage(PROGRAM, sessionId);
  const [text, setText] = useState('');
  return (
    <HookInspector
      title={`useOpenChatSession('${PROGRAM}'), usePostChatMessage(programId, sessionId), useChatSession(programId, sessionId)`}
      result={{
        useOpenChatSession: { status: open.status, sessionId: open.data?.sessionId, error: open.error },
        usePostChatMessage: { status: post.status, error: post.error },
        useChatSession: queryView(session),
      }}
    >
      <button type="button" className="rrs-button" onClick={() => open.mutate({ sender: 'Storybook viewer' })}>
        open.mutate({'{ sender }'})
      </button>
      <label>
        Question <input className="rrs-input" value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button
        type="button"
        className="rrs-button rrs-button--primary"
        disabled={!sessionId}
        onClick={() => post.mutate({ message: text, type: 'QUESTION', senderDisplayName: 'Storybook viewer' })}
      >
        post.mutate(question)
      </button>
    </HookInspector>
  );
}

/** A moderator's side: `useChatSessions` with the moderator PIN (never in a key, never in the log). */
function ModerateDemo() {
  const sessions = useChatSessions(PROGRAM, { moderatorPin: EMULATOR_MODERATOR_PIN });
  return <HookInspector title={`useChatSessions('${PROGRAM}', { moderatorPin })`} result={queryView(sessions)} />;
}

const meta = {
  title: 'Hooks/Q&A',
  parameters: {
    docs: {
      description: {
        component:
          'Q&A on a live broadcast: a viewer opens a session (`useOpenChatSession`) and posts (`usePostChatMessage`, optimistic); `useChatSession` polls for messages newer than those it has; moderators list every session with `useChatSessions(programId, { moderatorPin })`.',
      },
    },
    usage: `
import { useChatSession, useOpenChatSession, usePostChatMessage } from 'react-recording-service';

const open = useOpenChatSession(programId);
open.mutate({ sender: 'Ada' });
const sessionId = open.data?.sessionId ?? '';
const { data } = useChatSession(programId, sessionId, { pollMs: 3000 });
const post = usePostChatMessage(programId, sessionId);
post.mutate({ message: 'Will the slides be shared?', type: 'QUESTION' });
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open a session, ask, and see the question come back from the server. */
export const Ask: Story = {
  render: () => <AskDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await userEvent.click(canvas.getByRole('button', { name: 'open.mutate({ sender })' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'post.mutate(question)' })).toBeEnabled());
    await userEvent.type(canvas.getByRole('textbox', { name: 'Question' }), 'Is this recorded?');
    await userEvent.click(canvas.getByRole('button', { name: 'post.mutate(question)' }));
    await waitFor(() => expect(result()).toHaveTextContent(/"usePostChatMessage": \{\s*"status": "success"/));
    await waitFor(() => expect(result()).toHaveTextContent('"message": "Is this recorded?"'));
  },
};

/** The moderator's list of sessions; the PIN is redacted in the request log. */
export const Moderate: Story = {
  render: () => <ModerateDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('"status": "success"'));
    await expect(canvasElement.textContent).not.toContain(EMULATOR_MODERATOR_PIN);
  },
};
