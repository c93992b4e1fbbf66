import axios from 'axios';
import { useEffect, useState } from 'react';
import { useChatSession } from '../../hooks/useChatSession';
import { useRecording } from '../../hooks/useRecording';
import { useRecordings } from '../../hooks/useRecordings';
import type { PagedList, Program, RecordingListParams } from '../../src/core/types';

/** What a screen shows, for the script to wait on. */
export interface Probe {
  shown: Map<string, unknown>;
}

/** A screen of the scripted session: a list with parameters, or one program. */
export type Screen = { kind: 'list'; params: RecordingListParams } | { kind: 'detail'; id: string };

export const screenKey = (screen: Screen) =>
  screen.kind === 'list' ? `list:${JSON.stringify(screen.params)}` : `detail:${screen.id}`;

function useShow(probe: Probe, key: string, data: unknown) {
  useEffect(() => {
    if (data !== undefined) probe.shown.set(key, data);
  }, [probe, key, data]);
}

function HooksList({ params, probe }: { params: RecordingListParams; probe: Probe }) {
  const { data } = useRecordings(params);
  useShow(probe, screenKey({ kind: 'list', params }), data);
  return (
    <ul>
      {data?.items.map((p) => (
        <li key={p.id}>{p.name}</li>
      ))}
    </ul>
  );
}

export function HooksDetail({ id, probe, tag = '' }: { id: string; probe: Probe; tag?: string }) {
  const { data } = useRecording(id);
  useShow(probe, `detail:${id}${tag}`, data);
  return <h1>{data?.name}</h1>;
}

/** The app written with this package's hooks. */
export function HooksApp({ screen, probe }: { screen: Screen; probe: Probe }) {
  return screen.kind === 'list' ? (
    <HooksList params={screen.params} probe={probe} />
  ) : (
    <HooksDetail id={screen.id} probe={probe} />
  );
}

/** The same app written the naive way: useEffect + useState + axios, credentials by hand. */
export function createNaiveApp(baseUrl: string, tenantId: string) {
  const api = `${baseUrl}/api/manager/programs`;
  const accept = (type: string) => ({
    Accept: `application/vnd.avaya.asr.${type}+json, application/vnd.avaya.asr.response.details.v2+json`,
  });

  function NaiveList({ params, probe }: { params: RecordingListParams; probe: Probe }) {
    const [data, setData] = useState<PagedList>();
    const paramsKey = JSON.stringify(params);
    useEffect(() => {
      let live = true;
      void axios
        .get<PagedList>(api, { params: { tenantId, ...JSON.parse(paramsKey) }, headers: accept('paged.list.v2') })
        .then((response) => live && setData(response.data));
      return () => {
        live = false;
      };
    }, [paramsKey]);
    useShow(probe, screenKey({ kind: 'list', params }), data);
    return (
      <ul>
        {data?.items.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    );
  }

  function NaiveDetail({ id, probe, tag = '' }: { id: string; probe: Probe; tag?: string }) {
    const [data, setData] = useState<Program>();
    useEffect(() => {
      let live = true;
      void axios
        .get<Program>(`${api}/${encodeURIComponent(id)}`, { params: { tenantId }, headers: accept('program.v2') })
        .then((response) => live && setData(response.data));
      return () => {
        live = false;
      };
    }, [id]);
    useShow(probe, `detail:${id}${tag}`, data);
    return <h1>{data?.name}</h1>;
  }

  function NaiveApp({ screen, probe }: { screen: Screen; probe: Probe }) {
    return screen.kind === 'list' ? (
      <NaiveList params={screen.params} probe={probe} />
    ) : (
      <NaiveDetail id={screen.id} probe={probe} />
    );
  }

  return { NaiveApp, NaiveDetail };
}

/** Shows one Q&A session through `useChatSession`, polled by hand (`refetch`) so each poll is measured alone. */
export function ChatView({
  programId,
  sessionId,
  moderatorPin,
  probe,
  onRefetch,
}: {
  programId: string;
  sessionId: string;
  moderatorPin: string;
  probe: Probe;
  onRefetch: (refetch: () => Promise<unknown>) => void;
}) {
  const { data, refetch } = useChatSession(programId, sessionId, { moderatorPin, pollMs: 0 });
  useEffect(() => onRefetch(refetch), [onRefetch, refetch]);
  useShow(probe, `chat:${sessionId}`, data);
  return <p>{data?.messages?.length ?? 0} messages</p>;
}
