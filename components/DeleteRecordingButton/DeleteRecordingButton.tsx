'use client';

import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useDeleteRecording } from '../../hooks/useDeleteRecording';
import { useComponentService } from '../internal/useComponentService';
import { cx } from '../internal/format';
import { ErrorMessage } from '../internal/QueryStatus';
import { mergeRefs } from '../internal/refs';

/** Props of {@link DeleteRecordingButton}. */
export interface DeleteRecordingButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children' | 'id'> {
  /** The program to delete. */
  id: string;
  /** Skip the recycle bin. Defaults to false (the program goes to the recycle bin). */
  permanent?: boolean;
  /** Called once the server has deleted the program. */
  onDeleted?: (id: string) => void;
  /**
   * Extra class names on the root: the `<button>` that opens the confirmation (it also takes `ref` and any other
   * `<button>` prop but `id`, which is the program's).
   */
  className?: string;
}

/**
 * A delete button asking for confirmation in a native modal `<dialog>` (`showModal()`): the browser moves the
 * focus into it (on Cancel), keeps it there, makes the rest of the page inert, and closes it on Escape; the
 * focus then returns to the button. The program leaves every cached list at once and comes back if the server
 * refuses.
 *
 * @example
 * <DeleteRecordingButton id={program.id} onDeleted={() => navigate('/recordings')} />
 */
export const DeleteRecordingButton = forwardRef<HTMLButtonElement, DeleteRecordingButtonProps>(
  function DeleteRecordingButton({ id, permanent = false, onDeleted, className, onClick, ...rest }, ref) {
    const { messages } = useComponentService('DeleteRecordingButton');
    const remove = useDeleteRecording();
    const [open, setOpen] = useState(false);
    const triggerRef = useRef<HTMLButtonElement>(null);
    const dialogRef = useRef<HTMLDialogElement>(null);
    const cancelRef = useRef<HTMLButtonElement>(null);
    const ids = useId();

    // Opening the element modally is what makes the page inert: a DOM call, not state.
    useEffect(() => {
      const dialog = dialogRef.current;
      if (!open || !dialog || dialog.open) return;
      dialog.showModal();
      cancelRef.current?.focus();
    }, [open]);

    const close = () => {
      // Out of the top layer first, so the button is no longer inert when it takes the focus back.
      if (dialogRef.current?.open) dialogRef.current.close();
      setOpen(false);
      triggerRef.current?.focus();
    };

    const confirm = () =>
      remove.mutate(
        { id, permanent },
        {
          onSuccess: () => {
            if (dialogRef.current?.open) dialogRef.current.close();
            setOpen(false);
            onDeleted?.(id);
          },
        },
      );

    const label = permanent ? messages.deletePermanently : messages.delete;
    return (
      <>
        <button
          type="button"
          aria-haspopup="dialog"
          {...rest}
          ref={mergeRefs(triggerRef, ref)}
          className={cx('rrs-button rrs-button--danger', className)}
          onClick={(event) => {
            onClick?.(event);
            if (event.defaultPrevented) return;
            remove.reset();
            setOpen(true);
          }}
        >
          {label}
        </button>
        {open ? (
          <dialog
            ref={dialogRef}
            aria-labelledby={`${ids}-title`}
            aria-modal="true"
            className="rrs-dialog"
            // Escape: the browser asks to cancel; closing here keeps React's state and the focus in step.
            onCancel={(event) => {
              event.preventDefault();
              close();
            }}
            // Closed by the browser itself (a second Escape): it gives the focus back to the button.
            onClose={() => setOpen(false)}
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
          </dialog>
        ) : null}
      </>
    );
  },
);
