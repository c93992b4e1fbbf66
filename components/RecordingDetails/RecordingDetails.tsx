'use client';

import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useRecording } from '../../hooks/useRecording';
import { useComponentService } from '../internal/useComponentService';
import { useUnlockRecording } from '../../hooks/useUnlockRecording';
import { baseUrl } from '../../src/core/config';
import type { Program } from '../../src/core/types';
import { DeleteRecordingButton } from '../DeleteRecordingButton/DeleteRecordingButton';
import { RecordingEditor } from '../RecordingEditor/RecordingEditor';
import { cx, formatDuration, nameOf, resolveUrl } from '../internal/format';
import { ServerDate } from '../internal/ServerDate';
import { ErrorMessage, Loading } from '../internal/QueryStatus';
import { TextField } from '../internal/TextField';

/** Props of {@link RecordingDetails}. */
export interface RecordingDetailsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'id'> {
  /** The program to show. */
  id: string;
  /** Called with the password once a protected program is unlocked (hand it to `RecordingPlayer`). */
  onUnlocked?: (password: string) => void;
  /** Called once the program was deleted from here. */
  onDeleted?: (id: string) => void;
  /** Offer edit and delete when the user may edit the program (`canEdit`). Defaults to true. */
  editable?: boolean;
  /** Heading level of the program's name. Defaults to 2. */
  headingLevel?: 2 | 3 | 4;
  /**
   * Show the program's thumbnail. Defaults to true; turn it off where a `RecordingPlayer` of the same program
   * shows it as its poster (as `RecordingBrowser` does).
   */
  thumbnail?: boolean;
  /**
   * Extra class names on the root `<section>` (which also takes `ref` and any other `<section>` prop but `id`,
   * which is the program's). The section is the root while the program loads or fails too.
   */
  className?: string;
}

function UnlockForm({ id, onUnlocked }: { id: string; onUnlocked: (password: string) => void }): ReactNode {
  const { messages } = useComponentService('RecordingDetails');
  const unlock = useUnlockRecording();
  const [password, setPassword] = useState('');
  const ids = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = password;
    setPassword('');
    unlock.mutate({ id, password: typed }, { onSuccess: () => onUnlocked(typed) });
  };
  return (
    <form className="rrs-form rrs-unlock" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <p id={`${ids}-title`}>{messages.locked}</p>
      <TextField
        id={`${ids}-password`}
        label={messages.password}
        type="password"
        autoComplete="off"
        required
        value={password}
        onValueChange={setPassword}
      />
      {unlock.error ? <ErrorMessage error={unlock.error} /> : null}
      <button type="submit" className="rrs-button rrs-button--primary" disabled={unlock.isPending}>
        {unlock.isPending ? messages.loading : messages.unlock}
      </button>
    </form>
  );
}

function Fields({ program }: { program: Program }): ReactNode {
  const { messages } = useComponentService('RecordingDetails');
  const rows: Array<[string, ReactNode]> = [];
  const owner = program.ownerDisplayName ?? program.owner;
  if (owner) rows.push([messages.owner, owner]);
  if (program.category) rows.push([messages.category, program.category]);
  if (program.duration !== undefined && !program.live) rows.push([messages.duration, formatDuration(program.duration)]);
  if (program.live && program.startDate) {
    rows.push([messages.starts, <ServerDate value={program.startDate} />]);
  }
  if (program.creationDate) {
    rows.push([messages.created, <ServerDate value={program.creationDate} />]);
  }
  if (program.viewCount !== undefined) rows.push([messages.views, String(program.viewCount)]);
  if (program.accessMode) rows.push([messages.accessMode, messages.accessModes[program.accessMode]]);
  return (
    <dl className="rrs-details__fields">
      {rows.map(([term, value]) => (
        <div key={term} className="rrs-details__field">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One recording: its name, description, owner, category, duration, dates, views and access. A
 * password-protected recording shows an unlock form first (the password field is never echoed). Owners and
 * editors get Edit (an inline `RecordingEditor`) and Delete (`DeleteRecordingButton`).
 *
 * @example
 * <RecordingDetails id={id} onUnlocked={setPassword} onDeleted={() => setSelected(undefined)} />
 */
export const RecordingDetails = forwardRef<HTMLElement, RecordingDetailsProps>(function RecordingDetails(
  { id, onUnlocked, onDeleted, editable = true, headingLevel = 2, thumbnail: showThumbnail = true, className, ...rest },
  ref,
) {
  const { messages, config } = useComponentService('RecordingDetails');
  const { data: program, error, isPending, refetch } = useRecording(id);
  const [unlockedId, setUnlockedId] = useState<string>();
  // Both are per program: another id starts locked and not editing.
  const [editingId, setEditingId] = useState<string>();
  const editing = editingId === id;
  const editRef = useRef<HTMLButtonElement>(null);
  const refocusEdit = useRef(false);
  useEffect(() => {
    if (!refocusEdit.current || !editRef.current) return;
    refocusEdit.current = false;
    editRef.current.focus();
  });
  const closeEditor = () => {
    refocusEdit.current = true;
    setEditingId(undefined);
  };
  const ids = useId();
  const Heading = `h${headingLevel}` as const;

  const root = (children: ReactNode, name?: string) => (
    <section {...(name && { 'aria-labelledby': name })} {...rest} ref={ref} className={cx('rrs-details', className)}>
      {children}
    </section>
  );
  if (isPending) return root(<Loading />);
  if (!program) {
    return root(<ErrorMessage error={error ?? new Error(messages.notFound)} onRetry={() => void refetch()} />);
  }

  const name = nameOf(program, messages.untitled);
  const locked = program.passwordProtected === true && program.canEdit !== true && unlockedId !== id;
  const thumbnail = locked || !showThumbnail ? undefined : resolveUrl(baseUrl(config), program.thumbnail);
  const canEdit = editable && program.canEdit === true;

  return root(
    <>
      <header className="rrs-details__header">
        <Heading id={`${ids}-name`} className="rrs-heading rrs-details__name" tabIndex={-1}>
          {name}
        </Heading>
        <p className="rrs-details__badges">
          {program.live ? <span className="rrs-badge rrs-badge--live">{messages.live}</span> : null}
          {program.passwordProtected ? <span className="rrs-badge">{messages.passwordProtected}</span> : null}
          {program.deleted ? <span className="rrs-badge">{messages.deleted}</span> : null}
        </p>
      </header>
      {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      {thumbnail ? <img className="rrs-details__thumbnail" src={thumbnail} alt={messages.thumbnailAlt(name)} /> : null}
      {program.description ? <p className="rrs-details__description">{program.description}</p> : null}
      <Fields program={program} />
      {locked ? (
        <UnlockForm
          id={id}
          onUnlocked={(password) => {
            setUnlockedId(id);
            onUnlocked?.(password);
          }}
        />
      ) : null}
      {canEdit && !editing ? (
        <div className="rrs-details__actions">
          <button ref={editRef} type="button" className="rrs-button" onClick={() => setEditingId(id)}>
            {messages.edit}
          </button>
          <DeleteRecordingButton id={id} onDeleted={onDeleted} />
        </div>
      ) : null}
      {canEdit && editing ? <RecordingEditor id={id} autoFocus onSaved={closeEditor} onCancel={closeEditor} /> : null}
    </>,
    `${ids}-name`,
  );
});
