import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import {
  isRecordingServiceError,
  RecordingServiceProvider,
  useRecording,
  useRecordings,
  useRecordingSession,
  type Program,
  type RecordingServiceConfig,
} from 'react-recording-service';
import { RecordingBrowser } from 'react-recording-service/components';

interface Settings {
  config: RecordingServiceConfig;
  portalToken: string;
  user: string;
}

/** The test passes the server's address and a user in the URL hash. */
const settings = JSON.parse(decodeURIComponent(location.hash.slice(1))) as Settings;

function Details({ id }: { id: string }) {
  const { data } = useRecording(id);
  return <h2>{data?.name}</h2>;
}

function Recordings() {
  const { data, error, isPending } = useRecordings({ count: 50 });
  const [open, setOpen] = useState<string>();
  if (isPending) return <p>Loading…</p>;
  if (error) return <p role="alert">{isRecordingServiceError(error) ? error.kind : 'unknown'}</p>;
  const items: Program[] = data.items;
  return (
    <>
      <p data-testid="total">{data.totalItemCount} recordings</p>
      <ul>
        {items.map((program) => (
          <li key={program.id}>
            <button type="button" onClick={() => setOpen(program.id)}>
              {program.name}
            </button>
          </li>
        ))}
      </ul>
      {open && <Details id={open} />}
    </>
  );
}

function Session() {
  const { status, user, signIn } = useRecordingSession();
  return (
    <p>
      <output data-testid="session">{status}</output> {user}
      <button type="button" onClick={() => void signIn(settings.portalToken, settings.user).catch(() => undefined)}>
        Sign in
      </button>
    </p>
  );
}

const queryClient = new QueryClient();

/** A consumer app: what someone who ran `npm install react-recording-service` writes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingServiceProvider config={settings.config}>
        <Session />
        <Recordings />
        <section aria-label="Component">
          <RecordingBrowser pageSize={5} />
        </section>
      </RecordingServiceProvider>
    </QueryClientProvider>
  );
}
