'use client';

import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type ReactNode, type Ref } from 'react';
import { useCategories } from '../../hooks/useCategories';
import { useRecording } from '../../hooks/useRecording';
import { useComponentService } from '../internal/useComponentService';
import { useUpdateRecording } from '../../hooks/useUpdateRecording';
import { isRecordingServiceError, type RecordingServiceError } from '../../src/core/errors';
import type { AccessMode, Program, ProgramChanges } from '../../src/core/types';
import { cx, nameOf } from '../internal/format';
import { ErrorMessage, Loading } from '../internal/QueryStatus';
import { CategoryOptions } from '../internal/CategoryOptions';

/** Props of {@link RecordingEditor}. */
export interface RecordingEditorProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'id'> {
  /** The program to edit. */
  id: string;
  /** Called with the server's copy once saved. */
  onSaved?: (program: Program) => void;
  /** Shows a Cancel button calling this. */
  onCancel?: () => void;
  /** Focus the name field on mount (when the form opens in place of what the user just pressed). */
  autoFocus?: boolean;
  /**
   * Extra class names on the root `<form>` (which also takes `ref` and any other `<form>` prop but `id`, which
   * is the program's). The form is the root while the program loads too.
   */
  className?: string;
}

interface Draft {
  name: string;
  description: string;
  categoryId: string;
  accessMode: AccessMode;
  public: boolean;
  allowMediaDownload: boolean;
  password: string;
}

const ACCESS_MODES: AccessMode[] = ['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC'];

function draftOf(program: Program): Draft {
  return {
    name: program.name ?? '',
    description: program.description ?? '',
    categoryId: program.categoryId ?? '',
    accessMode: program.accessMode ?? 'PRIVATE',
    public: program.public ?? false,
    allowMediaDownload: program.allowMediaDownload ?? false,
    password: '',
  };
}

/** Only the fields that differ from the program as loaded (a new password only when one was typed). */
function changesOf(initial: Draft, draft: Draft): ProgramChanges {
  const changes: ProgramChanges = {};
  if (draft.name !== initial.name) changes.name = draft.name;
  if (draft.description !== initial.description) changes.description = draft.description;
  if (draft.categoryId !== initial.categoryId) changes.categoryId = draft.categoryId;
  if (draft.accessMode !== initial.accessMode) changes.accessMode = draft.accessMode;
  if (draft.public !== initial.public) changes.public = draft.public;
  if (draft.allowMediaDownload !== initial.allowMediaDownload) changes.allowMediaDownload = draft.allowMediaDownload;
  if (draft.password !== '') changes.password = draft.password;
  return changes;
}

/** The field a validation error is about (`details.field` or `details.parameter`), if any. */
function fieldOf(error: RecordingServiceError | null): string | undefined {
  if (!isRecordingServiceError(error) || error.kind !== 'validation') return undefined;
  const details = error.details as { field?: unknown; parameter?: unknown } | undefined;
  const field = details?.field ?? details?.parameter;
  return typeof field === 'string' ? field : undefined;
}

function Form({
  program,
  id,
  onSaved,
  onCancel,
  autoFocus,
  className,
  onSubmit,
  formRef,
  ...rest
}: RecordingEditorProps & { program: Program; formRef: Ref<HTMLFormElement> }): ReactNode {
  const { messages } = useComponentService('RecordingEditor');
  const categories = useCategories();
  const update = useUpdateRecording();
  const [initial, setInitial] = useState(() => draftOf(program));
  const [draft, setDraft] = useState(initial);
  const [notice, setNotice] = useState<string>();
  const ids = useId();
  const invalidField = fieldOf(update.error);

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setNotice(undefined);
    setDraft((old) => ({ ...old, [field]: value }));
  };

  const submit: ComponentPropsWithoutRef<'form'>['onSubmit'] = (event) => {
    event.preventDefault();
    onSubmit?.(event);
    const changes = changesOf(initial, draft);
    if (Object.keys(changes).length === 0) {
      setNotice(messages.noChanges);
      return;
    }
    update.mutate(
      { id, changes },
      {
        onSuccess: (saved) => {
          const next = { ...draft, ...draftOf({ ...program, ...saved }), password: '' };
          setInitial(next);
          setDraft(next);
          setNotice(messages.saved);
          onSaved?.(saved);
        },
      },
    );
  };

  /** The attributes tying a field to the validation message about it. */
  const validation = (field: string) =>
    invalidField === field ? { 'aria-invalid': true, 'aria-describedby': `${ids}-error` } : {};
  const fieldError = (field: string) =>
    invalidField === field && update.error ? (
      <p id={`${ids}-error`} className="rrs-field__error">
        {update.error.message}
      </p>
    ) : null;

  return (
    <form
      aria-labelledby={`${ids}-title`}
      noValidate
      {...rest}
      ref={formRef}
      className={cx('rrs-form rrs-editor', className)}
      onSubmit={submit}
    >
      <h2 id={`${ids}-title`} className="rrs-heading">
        {messages.editRecording}: {nameOf(program, messages.untitled)}
      </h2>
      <div className="rrs-field">
        <label htmlFor={`${ids}-name`}>{messages.name}</label>
        <input
          id={`${ids}-name`}
          className="rrs-input"
          value={draft.name}
          required
          autoFocus={autoFocus}
          onChange={(event) => set('name', event.target.value)}
          {...validation('name')}
        />
        {fieldError('name')}
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-description`}>{messages.description}</label>
        <textarea
          id={`${ids}-description`}
          className="rrs-input"
          rows={3}
          value={draft.description}
          onChange={(event) => set('description', event.target.value)}
          {...validation('description')}
        />
        {fieldError('description')}
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-category`}>{messages.category}</label>
        <select
          id={`${ids}-category`}
          className="rrs-select"
          value={draft.categoryId}
          onChange={(event) => set('categoryId', event.target.value)}
          {...validation('categoryId')}
        >
          <CategoryOptions
            categories={categories.data}
            current={draft.categoryId}
            currentLabel={program.category ?? draft.categoryId}
            includeEmpty
          />
        </select>
        {fieldError('categoryId')}
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-access`}>{messages.accessMode}</label>
        <select
          id={`${ids}-access`}
          className="rrs-select"
          value={draft.accessMode}
          onChange={(event) => set('accessMode', event.target.value as AccessMode)}
          {...validation('accessMode')}
        >
          {ACCESS_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {messages.accessModes[mode]}
            </option>
          ))}
        </select>
        {fieldError('accessMode')}
      </div>
      <div className="rrs-field rrs-field--check">
        <input
          id={`${ids}-public`}
          type="checkbox"
          checked={draft.public}
          onChange={(event) => set('public', event.target.checked)}
        />
        <label htmlFor={`${ids}-public`}>{messages.public}</label>
      </div>
      <div className="rrs-field rrs-field--check">
        <input
          id={`${ids}-download`}
          type="checkbox"
          checked={draft.allowMediaDownload}
          onChange={(event) => set('allowMediaDownload', event.target.checked)}
        />
        <label htmlFor={`${ids}-download`}>{messages.allowDownload}</label>
      </div>
      <div className="rrs-field">
        <label htmlFor={`${ids}-password`}>{messages.newPassword}</label>
        <input
          id={`${ids}-password`}
          className="rrs-input"
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => set('password', event.target.value)}
          {...validation('password')}
        />
        {fieldError('password')}
      </div>
      {update.error && !invalidField ? <ErrorMessage error={update.error} /> : null}
      <p role="status" className="rrs-editor__notice">
        {notice}
      </p>
      <div className="rrs-form__actions">
        <button type="submit" className="rrs-button rrs-button--primary" disabled={update.isPending}>
          {update.isPending ? messages.loading : messages.save}
        </button>
        {onCancel ? (
          <button type="button" className="rrs-button" onClick={onCancel}>
            {messages.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A form over a program's writable fields (name, description, category, access, public, download, new
 * password). Saving sends only the fields that changed; the change shows at once everywhere the program is
 * cached and is rolled back if the server refuses. Validation errors are shown next to their field.
 *
 * @example
 * <RecordingEditor id={id} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
 */
export const RecordingEditor = forwardRef<HTMLFormElement, RecordingEditorProps>(function RecordingEditor(props, ref) {
  const { messages } = useComponentService('RecordingEditor');
  const { data: program, error, isPending, refetch } = useRecording(props.id);
  // A new id starts a new form.
  if (program) return <Form key={props.id} {...props} program={program} formRef={ref} />;
  const { id: _id, onSaved: _saved, onCancel: _cancel, autoFocus: _focus, className, ...rest } = props;
  return (
    <form {...rest} ref={ref} className={cx('rrs-form rrs-editor', className)}>
      {isPending ? (
        <Loading />
      ) : (
        <ErrorMessage error={error ?? new Error(messages.notFound)} onRetry={() => void refetch()} />
      )}
    </form>
  );
});
