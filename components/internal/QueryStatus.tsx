'use client';

import type { ReactNode } from 'react';
import { useComponentService } from './useComponentService';
import type { RecordingServiceMessages } from '../../src/react/messages';
import { isRecordingServiceError } from '../../src/core/errors';
import { cx } from './format';

function titleOf(error: Error, messages: RecordingServiceMessages): string {
  if (!isRecordingServiceError(error)) return messages.error;
  switch (error.kind) {
    case 'not-found':
      return messages.notFound;
    case 'forbidden':
      return messages.forbidden;
    case 'unauthorized':
      return messages.unauthorized;
    case 'network':
      return messages.networkError;
    case 'timeout':
      return messages.timeout;
    default:
      return messages.error;
  }
}

/** A failed read or write: a title by kind, the error's message and hint, and a retry button. */
export function ErrorMessage({
  error,
  onRetry,
  className,
}: {
  error: Error;
  onRetry?: () => void;
  className?: string;
}): ReactNode {
  const { messages } = useComponentService('ErrorMessage');
  const hint = isRecordingServiceError(error) ? error.hint : undefined;
  return (
    <div role="alert" className={cx('rrs-error', className)}>
      <p className="rrs-error__title">{titleOf(error, messages)}</p>
      <p className="rrs-error__message">{error.message}</p>
      {hint && !error.message.includes(hint) ? <p className="rrs-error__hint">{hint}</p> : null}
      {onRetry ? (
        <button type="button" className="rrs-button" onClick={onRetry}>
          {messages.retry}
        </button>
      ) : null}
    </div>
  );
}

/** The loading state: a polite status line. */
export function Loading({ label }: { label?: string }): ReactNode {
  const { messages } = useComponentService('Loading');
  return (
    <p role="status" className="rrs-loading">
      {label ?? messages.loading}
    </p>
  );
}

/** The empty state. */
export function Empty({ children }: { children: ReactNode }): ReactNode {
  return <p className="rrs-empty">{children}</p>;
}
