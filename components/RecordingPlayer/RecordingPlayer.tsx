'use client';

import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useDownloadRecording } from '../../hooks/useDownloadRecording';
import { usePlaybackAddress } from '../../hooks/usePlaybackAddress';
import { useRecording } from '../../hooks/useRecording';
import { useComponentService } from '../internal/useComponentService';
import { useViewReport } from '../../hooks/useViewReport';
import { baseUrl } from '../../src/core/config';
import { isRecordingServiceError } from '../../src/core/errors';
import type { ProgramAddress } from '../../src/core/types';
import { cx, formatDuration, nameOf, resolveUrl } from '../internal/format';
import { ErrorMessage, Loading } from '../internal/QueryStatus';

/** Props of {@link RecordingPlayer}. */
export interface RecordingPlayerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'id'> {
  /** The program to play. */
  id: string;
  /** The password of a protected program (from `RecordingDetails`' `onUnlocked`). */
  password?: string;
  /** Delivery-node id to play from and report against. */
  dnId?: string;
  /**
   * Whether to load the optional `hls.js` peer (dynamic import) where the browser cannot play HLS itself.
   * Without it (or when it is not installed) the MP4 stream plays. Defaults to true.
   */
  hlsJs?: boolean;
  /**
   * Show the program's name (and duration) under the video, as its caption. Defaults to true; turn it off
   * where the name is already shown next to the player (as `RecordingBrowser` does with its details).
   */
  caption?: boolean;
  /**
   * Extra class names on the root `<div>` (which also takes `ref` and any other `<div>` prop but `id`, which is
   * the program's).
   */
  className?: string;
}

/** How the video is fed, on `data-source` of the video element. */
export type RecordingPlayerSource = 'hls' | 'hls.js' | 'mp4';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

interface HlsInstance {
  loadSource(url: string): void;
  attachMedia(media: HTMLMediaElement): void;
  on(event: string, listener: (event: string, data: { fatal?: boolean }) => void): void;
  destroy(): void;
}
interface HlsModule {
  default: { isSupported(): boolean; Events: { ERROR: string }; new (): HlsInstance };
}

interface VideoProps {
  address: ProgramAddress;
  name: string;
  poster: string | undefined;
  hlsJs: boolean;
  onPlay: () => void;
  onEnded: () => void;
}

function Video({ address, name, poster, hlsJs, onPlay, onEnded }: VideoProps): ReactNode {
  const { messages } = useComponentService('RecordingPlayer');
  const videoRef = useRef<HTMLVideoElement>(null);
  // Which source of the plan is being tried: a source that fails hands over to the next one.
  const [attempt, setAttempt] = useState(0);
  const [source, setSource] = useState<RecordingPlayerSource>();
  const [failed, setFailed] = useState(false);
  const streams = address.streams ?? {};
  const hlsUrl = streams.primaryMediaHlsUrl;
  const fileUrl = streams.primaryMediaMp4Url ?? streams.primaryMediaUrl ?? streams.secondaryMediaUrl;

  // Attaching a media source to the element (not a data read): native HLS, else hls.js, else the file.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    const plan: RecordingPlayerSource[] = [];
    if (hlsUrl && video.canPlayType(HLS_TYPE) !== '') plan.push('hls');
    if (hlsUrl && hlsJs) plan.push('hls.js');
    if (fileUrl) plan.push('mp4');
    const kind = plan[attempt];
    if (!kind) {
      setFailed(true);
      return undefined;
    }
    let cancelled = false;
    const next = () => {
      if (!cancelled) setAttempt((current) => (current === attempt ? current + 1 : current));
    };
    if (kind !== 'hls.js') {
      video.src = kind === 'hls' ? (hlsUrl ?? '') : (fileUrl ?? '');
      setSource(kind);
      return () => {
        cancelled = true;
      };
    }
    let hls: HlsInstance | undefined;
    video.removeAttribute('src');
    (import('hls.js') as Promise<HlsModule>).then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) return next();
      hls = new Hls();
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) next();
      });
      hls.loadSource(hlsUrl ?? '');
      hls.attachMedia(video);
      setSource('hls.js');
    }, next);
    return () => {
      cancelled = true;
      hls?.destroy();
    };
  }, [hlsUrl, fileUrl, hlsJs, attempt]);

  const onError = () => {
    if (source !== 'hls.js') setAttempt((current) => current + 1);
  };

  return (
    <>
      <video
        ref={videoRef}
        className="rrs-player__video"
        controls
        playsInline
        preload="metadata"
        poster={poster}
        aria-label={messages.player(name)}
        data-source={source}
        onPlay={onPlay}
        onEnded={onEnded}
        onError={onError}
      />
      {failed ? (
        <p role="alert" className="rrs-error">
          {messages.playbackFailed}
        </p>
      ) : null}
    </>
  );
}

function Download({ id, name }: { id: string; name: string }): ReactNode {
  const { messages } = useComponentService('RecordingPlayer');
  // Where the browser can, the Save dialog opens in the click and the file streams to disk (no size limit).
  const { download, cancel, progress, verified, unverifiedReason, url, data, isPending, isSuccess, error } =
    useDownloadRecording({ suggestedName: `${name}.mp4` });
  const mismatch = isRecordingServiceError(error) && error.kind === 'validation' && verified === false;
  const cancelled = isRecordingServiceError(error) && error.kind === 'aborted';
  return (
    <div className="rrs-player__download">
      {isPending ? (
        <>
          <progress
            className="rrs-progress"
            aria-label={messages.downloadProgress}
            max={1}
            {...(progress !== undefined && { value: progress })}
          />
          <button type="button" className="rrs-button" onClick={cancel}>
            {messages.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="rrs-button" onClick={() => download(id)}>
          {messages.download}
        </button>
      )}
      <p role="status" className="rrs-player__download-status">
        {isSuccess && verified ? messages.downloadVerified : null}
        {isSuccess && data?.fileName ? ` ${messages.downloadSavedAs(data.fileName)}` : null}
        {isSuccess && unverifiedReason === 'too-large' ? messages.downloadUnchecked : null}
      </p>
      {isSuccess && url ? (
        <a className="rrs-link" href={url} download={`${name}.mp4`}>
          {messages.saveFile}
        </a>
      ) : null}
      {mismatch ? (
        <p role="alert" className="rrs-error">
          {messages.downloadMismatch}
        </p>
      ) : error && !cancelled ? (
        <ErrorMessage error={error} onRetry={() => download(id)} />
      ) : null}
    </div>
  );
}

/**
 * Plays a recording in an HTML5 `<video controls>`: HLS natively where the browser can, else through
 * `hls.js` when the app installed it, else the MP4 stream. Viewing is reported (start on the first play, end
 * when it ends, on unmount or when the page goes away). Downloadable recordings get a Download button with
 * progress, Cancel, and an MD5 check (into a file the user picks where the browser can; else in memory, and a
 * file over 512 MiB is handed to the browser unchecked, saying so). Protected recordings need their `password`.
 *
 * @example
 * <RecordingPlayer id={id} password={unlockedPassword} />
 */
export const RecordingPlayer = forwardRef<HTMLDivElement, RecordingPlayerProps>(function RecordingPlayer(
  { id, password, dnId, hlsJs = true, caption = true, className, ...rest },
  ref,
) {
  const { messages, config } = useComponentService('RecordingPlayer');
  const program = useRecording(id);
  const locked = program.data?.passwordProtected === true && program.data.canEdit !== true && !password;
  const address = usePlaybackAddress(
    id,
    { ...(password && { password }), ...(dnId && { dnid: dnId }) },
    { enabled: program.data !== undefined && !locked },
  );
  const report = useViewReport(id, dnId ? { dnId } : {});

  const root = (children: ReactNode) => (
    <div {...rest} ref={ref} className={cx('rrs-player', className)}>
      {children}
    </div>
  );
  if (program.isPending) return root(<Loading />);
  if (!program.data) {
    const error = program.error ?? new Error(messages.notFound);
    return root(<ErrorMessage error={error} onRetry={() => void program.refetch()} />);
  }
  const name = nameOf(program.data, messages.untitled);
  if (locked) return root(<p className="rrs-player__notice">{messages.locked}</p>);
  if (address.isPending) return root(<Loading />);
  if (address.error) return root(<ErrorMessage error={address.error} onRetry={() => void address.refetch()} />);
  const playable = address.data.available !== false && address.data.streams !== undefined;
  const duration = program.data.live ? '' : formatDuration(program.data.duration);
  return root(
    <>
      <figure className="rrs-player__figure">
        {playable ? (
          <Video
            key={JSON.stringify(address.data.streams)}
            address={address.data}
            name={name}
            poster={resolveUrl(baseUrl(config), program.data.thumbnail)}
            hlsJs={hlsJs}
            onPlay={() => void report.start()}
            onEnded={report.end}
          />
        ) : (
          <p className="rrs-player__notice">{messages.notAvailable}</p>
        )}
        {caption ? (
          <figcaption className="rrs-player__caption">
            <span className="rrs-player__title">{name}</span>
            {program.data.live ? <span className="rrs-badge rrs-badge--live">{messages.live}</span> : null}
            {duration ? (
              <span className="rrs-player__duration">
                <span className="rrs-visually-hidden">{messages.duration}: </span>
                {duration}
              </span>
            ) : null}
          </figcaption>
        ) : null}
      </figure>
      {program.data.allowMediaDownload && !program.data.live ? <Download id={id} name={name} /> : null}
    </>,
  );
});
