'use client';

import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type FormEvent, type ReactNode } from 'react';
import { useChatSession, type CachedChatMessage } from '../../hooks/useChatSession';
import { useChatSessions } from '../../hooks/useChatSessions';
import { useOpenChatSession } from '../../hooks/useOpenChatSession';
import { CHAT_MESSAGE_MAX_LENGTH, usePostChatMessage } from '../../hooks/usePostChatMessage';
import { useComponentService } from '../internal/useComponentService';
import { useRecordingSession } from '../../hooks/useRecordingSession';
import { chatMessageLength } from '../../src/core/chat';
import type { ChatMessageType } from '../../src/core/types';
import { cx } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
import { Empty, ErrorMessage, Loading } from '../internal/QueryStatus';
import { TextField } from '../internal/TextField';

/** Props of {@link RecordingQA}. */
export interface RecordingQAProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The program (usually a live broadcast) whose Q&A this is. */
  programId: string;
  /** The moderator PIN: shows every session and lets the user answer. Never rendered. */
  moderatorPin?: string;
  /** Moderate without a PIN (the program's owner). Defaults to false. */
  moderate?: boolean;
  /** How often to ask for new messages, in ms. Defaults to 5000. */
  pollMs?: number;
  /** Extra class names on the root `<section>` (which also takes `ref` and any other `<section>` prop). */
  className?: string;
}

interface ConversationProps {
  programId: string;
  sessionId: string;
  moderatorPin?: string;
  pollMs?: number;
  type: ChatMessageType;
  sender?: string;
}

function Conversation({ programId, sessionId, moderatorPin, pollMs, type, sender }: ConversationProps): ReactNode {
  const { messages } = useComponentService('RecordingQA');
  const pin = moderatorPin ? { moderatorPin } : {};
  const session = useChatSession(programId, sessionId, { ...pin, ...(pollMs !== undefined && { pollMs }) });
  const post = usePostChatMessage(programId, sessionId, pin);
  const [text, setText] = useState('');
  const ids = useId();
  const length = chatMessageLength(text);
  const tooLong = length > CHAT_MESSAGE_MAX_LENGTH;
  const label = type === 'RESPONSE' ? messages.answer : messages.askQuestion;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (tooLong || text.trim() === '') return;
    const message = text;
    setText('');
    post.mutate(
      { message, type, ...(sender && { senderDisplayName: sender }) },
      { onError: () => setText((current) => (current === '' ? message : current)) },
    );
  };

  const list = (session.data?.messages ?? []) as CachedChatMessage[];
  return (
    <div className="rrs-qa__conversation">
      {session.isPending ? <Loading /> : null}
      {session.error ? <ErrorMessage error={session.error} onRetry={() => void session.refetch()} /> : null}
      {session.data && list.length === 0 ? <Empty>{messages.noQuestions}</Empty> : null}
      <div role="log" aria-label={messages.questions} className="rrs-qa__log">
        <ol className="rrs-qa__messages">
          {list.map((message, index) => (
            <li
              key={`${message.timestamp ?? ''}-${message.senderId ?? ''}-${index}`}
              className={cx('rrs-qa__message', message.type === 'RESPONSE' && 'rrs-qa__message--answer')}
            >
              <p className="rrs-qa__meta">
                <span className="rrs-qa__sender">{message.senderDisplayName ?? messages.guest}</span>
                {message.type === 'RESPONSE' ? <span className="rrs-badge">{messages.answer}</span> : null}
                {message.pending ? (
                  <span className="rrs-qa__pending">{messages.sending}</span>
                ) : message.timestamp ? (
                  <ServerDate value={message.timestamp} />
                ) : null}
              </p>
              <p className="rrs-qa__text">{message.message}</p>
            </li>
          ))}
        </ol>
      </div>
      <form className="rrs-form rrs-qa__form" onSubmit={submit}>
        <div className="rrs-field">
          <label htmlFor={`${ids}-text`}>{label}</label>
          <textarea
            id={`${ids}-text`}
            className="rrs-input"
            rows={3}
            value={text}
            aria-invalid={tooLong}
            aria-describedby={`${ids}-count`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${ids}-count`} className={cx('rrs-qa__count', tooLong && 'rrs-field__error')}>
            {messages.characterCount(length, CHAT_MESSAGE_MAX_LENGTH)}
            {tooLong ? ` ${messages.messageTooLong(CHAT_MESSAGE_MAX_LENGTH)}` : ''}
          </p>
        </div>
        {post.error ? <ErrorMessage error={post.error} /> : null}
        <button type="submit" className="rrs-button rrs-button--primary" disabled={tooLong || text.trim() === ''}>
          {messages.send}
        </button>
      </form>
    </div>
  );
}

type RoleProps = Pick<RecordingQAProps, 'programId' | 'moderatorPin' | 'pollMs'>;

function Asker({ programId, pollMs }: RoleProps): ReactNode {
  const { messages } = useComponentService('RecordingQA');
  const { user } = useRecordingSession();
  const open = useOpenChatSession(programId);
  const [name, setName] = useState(user ?? '');
  const [sessionId, setSessionId] = useState<string>();
  const ids = useId();

  if (sessionId) {
    return <Conversation programId={programId} sessionId={sessionId} pollMs={pollMs} type="QUESTION" sender={name} />;
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.mutate({ sender: name.trim() }, { onSuccess: (session) => setSessionId(session.sessionId) });
  };
  return (
    <form className="rrs-form rrs-qa__start" onSubmit={submit}>
      <TextField
        id={`${ids}-name`}
        label={messages.yourName}
        autoComplete="name"
        required
        value={name}
        onValueChange={setName}
      />
      {open.error ? <ErrorMessage error={open.error} /> : null}
      <button type="submit" className="rrs-button rrs-button--primary" disabled={open.isPending}>
        {open.isPending ? messages.loading : messages.startQuestions}
      </button>
    </form>
  );
}

function Moderator({ programId, moderatorPin, pollMs }: RoleProps): ReactNode {
  const { messages } = useComponentService('RecordingQA');
  const sessions = useChatSessions(programId, moderatorPin ? { moderatorPin } : {});
  const [selected, setSelected] = useState<string>();
  const ids = useId();
  if (sessions.isPending) return <Loading />;
  if (!sessions.data) {
    const error = sessions.error ?? new Error(messages.error);
    return <ErrorMessage error={error} onRetry={() => void sessions.refetch()} />;
  }
  if (sessions.data.length === 0) return <Empty>{messages.noSessions}</Empty>;
  return (
    <div className="rrs-qa__moderation">
      <h3 id={`${ids}-sessions`} className="rrs-heading">
        {messages.sessions}
      </h3>
      <ul className="rrs-qa__sessions" aria-labelledby={`${ids}-sessions`}>
        {sessions.data.map((session) =>
          session.sessionId ? (
            <li key={session.sessionId} className="rrs-list__item">
              <button
                type="button"
                className="rrs-list__select rrs-qa__session"
                aria-current={session.sessionId === selected ? 'true' : undefined}
                onClick={() => setSelected(session.sessionId)}
              >
                <span className="rrs-list__name">{session.initiatorName ?? messages.guest}</span>
                {session.unansweredCount ? (
                  <span className="rrs-badge">{messages.unanswered(session.unansweredCount)}</span>
                ) : null}
              </button>
            </li>
          ) : null,
        )}
      </ul>
      {selected ? (
        <Conversation
          key={selected}
          programId={programId}
          sessionId={selected}
          pollMs={pollMs}
          type="RESPONSE"
          {...(moderatorPin && { moderatorPin })}
        />
      ) : null}
    </div>
  );
}

/**
 * Questions and answers of a program. Viewers give a name, open a session, and ask (messages are limited to
 * 1024 characters, with a live counter); moderators (with the moderator PIN, or the owner with `moderate`)
 * see every session and answer. New messages are polled for and announced politely.
 *
 * @example
 * <RecordingQA programId={id} />
 * <RecordingQA programId={id} moderatorPin={pin} />
 */
export const RecordingQA = forwardRef<HTMLElement, RecordingQAProps>(function RecordingQA(
  { programId, moderatorPin, moderate = false, pollMs, className, ...rest },
  ref,
) {
  const { messages } = useComponentService('RecordingQA');
  const ids = useId();
  const moderating = moderate || !!moderatorPin;
  const props = { programId, pollMs, ...(moderatorPin && { moderatorPin }) };
  return (
    <section aria-labelledby={`${ids}-title`} {...rest} ref={ref} className={cx('rrs-qa', className)}>
      <h2 id={`${ids}-title`} className="rrs-heading">
        {messages.questions}
      </h2>
      {moderating ? <Moderator {...props} /> : <Asker {...props} />}
    </section>
  );
});
