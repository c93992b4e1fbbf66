// The same app written naively: useEffect + useState + axios, the same request for the list, one per detail.
import axios from 'axios';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Program {
  id?: string;
  name?: string;
}

const port = Number(new URLSearchParams(location.search).get('port'));
const base = `http://127.0.0.1:${port}/api/manager/programs`;
const details = 'application/vnd.avaya.asr.response.details.v2+json';

function Details({ id }: { id: string }) {
  const [program, setProgram] = useState<Program>();
  useEffect(() => {
    let live = true;
    void axios
      .get<Program>(`${base}/${encodeURIComponent(id)}?tenantId=default`, {
        headers: { Accept: `application/vnd.avaya.asr.program.v2+json, ${details}` },
      })
      .then((answer) => live && setProgram(answer.data));
    return () => {
      live = false;
    };
  }, [id]);
  return <h2 id="detail">{program?.name}</h2>;
}

function Recordings() {
  const [items, setItems] = useState<Program[]>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    let live = true;
    axios
      .get<{ items: Program[] }>(`${base}?count=20&tenantId=default`, {
        headers: { Accept: `application/vnd.avaya.asr.paged.list.v2+json, ${details}` },
      })
      .then((answer) => live && setItems(answer.data.items))
      .catch((caught: Error) => live && setError(caught.message));
    return () => {
      live = false;
    };
  }, []);
  if (error) return <p role="alert">{error}</p>;
  return (
    <>
      <ul id="list">
        {items?.map((program) => (
          <li key={program.id}>
            <button onClick={() => setOpen(program.id)}>{program.name}</button>
          </li>
        ))}
      </ul>
      {open && <Details id={open} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Recordings />);
