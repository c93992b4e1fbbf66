'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDeleteRecording } from '../../hooks/useDeleteRecording';
import { useComponentService } from '../internal/useComponentService';
import { cx } from '../internal/format';
import { ErrorMessage } from '../internal/QueryStatus';

/** Props of {@link DeleteRecordingButton}. */
export interface DeleteRecordingButtonProps {
  /** The program to delete. */
  id: string;
  /** Skip the recycle bin. Defaults to false (the program goes to the recycle bin). */
  permanent?: boolean;
  /** Called once the server has deleted the program. */
  onDeleted?: (id: string) => void;
  /** Extra class names on the button. */
  className?: string;
}

/**
 * A delete button asking for confirmation in a modal dialog: the focus moves into the dialog (on Cancel),
 * stays there while it is open, and returns to the button when it closes; Escape closes it. The program
 * leaves every cached list at once and comes back if the server refuses.
 *
 * @example
 * <DeleteRecordingButton id={program.id} onDeleted={() => navigate('/recordings')} />
 */
export function DeleteRecordingButton({
  id,
  permanent = false,
  onDeleted,
  className,
}: DeleteRecordingButtonProps): ReactNode {
  const { messages } = useComponentService('DeleteRecordingButton');
  const remove = useDeleteRecording();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ids = useId();

  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    remove.reset();
    triggerRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled])')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const confirm = () =>
    remove.mutate(
      { id, permanent },
      {
        onSuccess: () => {
          setOpen(false);
          onDeleted?.(id);
        },
      },
    );

  const label = permanent ? messages.deletePermanently : messages.delete;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={cx('rrs-button rrs-button--danger', className)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open ? (
        <div className="rrs-dialog__backdrop">
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby={`${ids}-title`}
            className="rrs-dialog"
            onKeyDown={onKeyDown}
          >
            <p id={`${ids}-title`} className="rrs-dialog__title">
              {permanent ? messages.confirmDeletePermanently : messages.confirmDelete}
            </p>
            {remove.error ? <ErrorMessage error={remove.error} /> : null}
            <div className="rrs-dialog__actions">
              <button ref={cancelRef} type="button" className="rrs-button" onClick={close}>
                {messages.cancel}
              </button>
              <button
                type="button"
                className="rrs-button rrs-button--danger"
                disabled={remove.isPending}
                onClick={confirm}
              >
                {remove.isPending ? messages.loading : label}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
