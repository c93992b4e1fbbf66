import { Component, useState, type ReactNode } from 'react';
import {
  isRecordingServiceError,
  RecordingServiceProvider,
  useDeleteRecording,
  useRecording,
  useRecordings,
  useRecordingSession,
  useRestoreRecording,
  useUpdateRecording,
} from '../../../../hooks/index';
import type { Scenario } from './scenario';

/** Shows an error the way the tests read it: its kind as `data-kind`, its hint as text. */
function ErrorNote({ error, testId }: { error: unknown; testId: string }) {
  if (!error) return null;
  const kind = isRecordingServiceError(error) ? error.kind : 'unknown';
  const hint = isRecordingServiceError(error) ? (error.hint ?? '') : String(error);
  return (
    <p role="alert" data-testid={testId} data-kind={kind}>
      {kind}: {hint}
    </p>
  );
}

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <ErrorNote error={this.state.error} testId="fatal" /> : this.props.children;
  }
}

function SessionPanel({ portalToken, user }: { portalToken?: string; user?: string }) {
  const session = useRecordingSession();
  return (
    <section aria-label="Session">
      <output data-testid="session">{session.status}</output>
      {session.user && <span data-testid="session-user">{session.user}</span>}
      <button type="button" onClick={() => void session.signIn(portalToken ?? '', user ?? '').catch(() => undefined)}>
        Sign in
      </button>
      <button type="button" onClick={() => session.signOut()}>
        Sign out
      </button>
      <ErrorNote error={session.error} testId="session-error" />
    </section>
  );
}

function Details({ id }: { id: string }) {
  const { data, error, status } = useRecording(id);
  const update = useUpdateRecording();
  const remove = useDeleteRecording();
  return (
    <section aria-label="Details" data-testid="details" data-state={status}>
      <ErrorNote error={error} testId="details-error" />
      {data && (
        <>
          <h2 data-testid="details-name">{data.name}</h2>
          <p data-testid="details-description">{data.description}</p>
          <button
            type="button"
            onClick={() => update.mutate({ id, changes: { name: `${data.name ?? ''} (renamed)` } })}
          >
            Rename
          </button>
          <button type="button" onClick={() => remove.mutate({ id })}>
            Delete
          </button>
          {update.isSuccess && <p data-testid="updated">updated</p>}
          {remove.isSuccess && <p data-testid="deleted">deleted</p>}
          <ErrorNote error={update.error} testId="update-error" />
          <ErrorNote error={remove.error} testId="delete-error" />
        </>
      )}
    </section>
  );
}

function RecycleBin() {
  const { data, error, status } = useRecordings({ onlyDeleted: true, count: 50 });
  const restore = useRestoreRecording();
  return (
    <section aria-label="Recycle bin" data-testid="bin" data-state={status}>
      <ErrorNote error={error} testId="bin-error" />
      <ul>
        {data?.items.map((p) => (
          <li key={p.id}>
            {p.name}{' '}
            <button type="button" onClick={() => restore.mutate(p.id ?? '')}>
              Restore {p.name}
            </button>
          </li>
        ))}
      </ul>
      {restore.isSuccess && <p data-testid="restored">restored</p>}
      <ErrorNote error={restore.error} testId="restore-error" />
    </section>
  );
}

function Recordings({ scenario }: { scenario: Scenario }) {
  const { data, error, status } = useRecordings(scenario.list ?? { count: 50 });
  const [open, setOpen] = useState<string | undefined>(scenario.open);
  return (
    <>
      <section aria-label="Recordings" data-testid="list" data-state={status}>
        <ErrorNote error={error} testId="list-error" />
        {data && <p data-testid="total">{data.totalItemCount} recordings</p>}
        <ul>
          {data?.items.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => setOpen(p.id)}>
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {open && <Details id={open} />}
      {scenario.bin && <RecycleBin />}
    </>
  );
}

/** The lab page: the package's provider and hooks, driven by a scenario from the URL hash. */
export function App({ scenario }: { scenario: Scenario }) {
  return (
    <Boundary>
      <RecordingServiceProvider config={scenario.config}>
        <SessionPanel portalToken={scenario.portalToken} user={scenario.user} />
        <Recordings scenario={scenario} />
      </RecordingServiceProvider>
    </Boundary>
  );
}
