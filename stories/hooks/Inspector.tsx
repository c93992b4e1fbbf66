import { ReactQueryDevtoolsPanel } from '@tanstack/react-query-devtools/production';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useEmulatorRequests } from '../../.storybook/emulator';

/**
 * The frame of every hook story: what the demo does (buttons, fields), the hook's live result, the requests it
 * sent to the story's emulator, and the react-query cache (the devtools, in Storybook only).
 */
export function HookInspector({
  title,
  result,
  children,
}: {
  /** The hook call shown, e.g. `useRecordings({ count: 5 })`. */
  title: string;
  /** The hook's result, rendered as JSON (functions by name, errors by kind and status). */
  result: unknown;
  /** The demo's controls. */
  children?: ReactNode;
}): ReactNode {
  return (
    <div style={frame}>
      <h2 style={heading}>
        <code>{title}</code>
      </h2>
      {children ? <div style={controls}>{children}</div> : null}
      <HookResult value={result} />
      <RequestLog />
      <QueryCache />
    </div>
  );
}

/** The hook's result as JSON. */
function HookResult({ value }: { value: unknown }): ReactNode {
  return (
    <section aria-label="Hook result">
      <h3 style={heading}>Result</h3>
      {/* Focusable: the block scrolls, and keyboard users must be able to scroll it. */}
      <pre style={pre} tabIndex={0} data-testid="hook-result">
        {toJson(value)}
      </pre>
    </section>
  );
}

/** The requests the story's emulator answered, newest last, secrets redacted by the emulator. */
function RequestLog(): ReactNode {
  const requests = useEmulatorRequests();
  return (
    <section aria-label="Requests">
      <h3 style={heading}>Requests ({requests.length})</h3>
      <div style={scroll} tabIndex={0} role="region" aria-label="Request log">
        <table style={table}>
          <caption style={hidden}>Requests the emulator answered</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Method</th>
              <th scope="col">Path and query (redacted)</th>
              <th scope="col">Status</th>
              <th scope="col">Fault</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.sequence}>
                <td>{request.sequence}</td>
                <td>{request.method}</td>
                <td style={{ wordBreak: 'break-all' }}>{request.target}</td>
                <td>{request.status ?? '…'}</td>
                <td>{request.fault ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The react-query devtools panel over the story's QueryClient, opened on demand. */
function QueryCache(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="Query cache">
      <h3 style={heading}>Query cache</h3>
      <button type="button" className="rrs-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide the react-query devtools' : 'Show the react-query devtools'}
      </button>
      {open ? <ReactQueryDevtoolsPanel style={{ height: 420, marginTop: 8 }} theme={devtoolsTheme()} /> : null}
    </section>
  );
}

/** The devtools' theme for the toolbar's (the preview sets `data-rrs-theme` on the page; none: the system's). */
function devtoolsTheme(): 'light' | 'dark' | 'system' {
  const theme = document.documentElement.getAttribute('data-rrs-theme');
  return theme === null ? 'system' : theme === 'light' ? 'light' : 'dark';
}

/** Credentials a URL in a result may carry in its query (the emulator's, but shown as an app should). */
const SECRET_QUERY = /([?&](?:token|password|pin|moderatorPin|authToken)=)[^&#\s]*/gi;

/** JSON of a hook result: functions by name, errors with their kind and status, blobs by size, URLs redacted. */
function toJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'function') return `ƒ ${item.name || 'anonymous'}()`;
      if (typeof item === 'string') return item.replace(SECRET_QUERY, '$1[redacted]');
      if (item instanceof Error) {
        const { kind, status, hint } = item as Error & { kind?: string; status?: number; hint?: string };
        return { name: item.name, message: item.message, kind, status, hint };
      }
      if (typeof Blob !== 'undefined' && item instanceof Blob) return `Blob(${item.size} bytes, ${item.type})`;
      if (item instanceof Date) return item.toISOString();
      if (item && typeof item === 'object') {
        if (seen.has(item)) return '[circular]';
        seen.add(item);
      }
      return item;
    },
    2,
  );
}

/** Picks what matters of a react-query result (the rest is there too: open the devtools). */
export function queryView<T extends { status: string; fetchStatus?: string }>(
  result: T,
  keys: ReadonlyArray<keyof T> = [],
): Record<string, unknown> {
  const view: Record<string, unknown> = { status: result.status };
  if (result.fetchStatus !== undefined) view.fetchStatus = result.fetchStatus;
  for (const key of ['data', 'error', ...keys] as Array<keyof T>) view[String(key)] = result[key];
  return view;
}

const frame: CSSProperties = {
  fontFamily: 'var(--rrs-font-family)',
  color: 'var(--rrs-color-text)',
  background: 'var(--rrs-color-bg)',
  display: 'grid',
  gap: 12,
  maxWidth: 1100,
};
const heading: CSSProperties = { margin: '0 0 4px', fontSize: '1rem' };
const controls: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end' };
const pre: CSSProperties = {
  margin: 0,
  maxHeight: 320,
  overflow: 'auto',
  padding: 8,
  border: '1px solid var(--rrs-color-border)',
  borderRadius: 'var(--rrs-radius)',
  background: 'var(--rrs-color-surface)',
  fontSize: 12,
};
const scroll: CSSProperties = { ...pre, padding: 0 };
const table: CSSProperties = { borderCollapse: 'collapse', width: '100%', fontSize: 12, textAlign: 'left' };
const hidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
