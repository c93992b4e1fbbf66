// The README's quick start: the provider, one page of recordings, and a detail seeded from the list.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RecordingServiceProvider, useRecording, useRecordings } from 'react-recording-service';

const port = Number(new URLSearchParams(location.search).get('port'));
const config = { host: '127.0.0.1', port, isSecure: false, tenantId: 'default', retry: { attempts: 0 } };

function Details({ id }: { id: string }) {
  const { data } = useRecording(id);
  return <h2 id="detail">{data?.name}</h2>;
}

function Recordings() {
  const { data, error } = useRecordings({ count: 20 });
  const [open, setOpen] = useState<string>();
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <>
      <ul id="list">
        {data?.items.map((program) => (
          <li key={program.id}>
            <button onClick={() => setOpen(program.id)}>{program.name}</button>
          </li>
        ))}
      </ul>
      {open && <Details id={open} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <RecordingServiceProvider config={config}>
    <Recordings />
  </RecordingServiceProvider>,
);
