import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingDetails } from '../../components';
import { formatDate, isoDate } from '../../components/internal/format';
import { useServerOffset } from '../../components/internal/useServerOffset';
import { useRecording } from '../../hooks/useRecording';
import { useSystemSettings } from '../../hooks/useSystemSettings';
import { renderWithService, requestsTo, setupEmulator } from './harness';

// The viewer is in India (+05:30, no daylight saving); the server is one hour east of UTC.
const VIEWER_ZONE = 'Asia/Kolkata';
const SERVER_OFFSET = 60;
const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const hostZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = VIEWER_ZONE;
});
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

/** How the viewer's locale writes `instant` in the viewer's zone (what formatDate should show). */
const shown = (instant: number | Date): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: VIEWER_ZONE }).format(
    instant,
  );
/** How the viewer's locale writes a wall clock as given (no conversion). */
const asGiven = (wall: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${wall}Z`),
  );

describe('formatDate and isoDate', () => {
  it('should show a zone-less server date in the viewer zone when the server offset is known', () => {
    expect(formatDate('2026-03-02T13:00:00', SERVER_OFFSET)).toBe(shown(NOW));
    expect(isoDate('2026-03-02T13:00:00', SERVER_OFFSET)).toBe('2026-03-02T12:00:00.000Z');
  });

  it('should show a zone-less server date as given when the server offset is unknown', () => {
    expect(formatDate('2026-03-02T13:00:00')).toBe(asGiven('2026-03-02T13:00:00'));
    expect(isoDate('2026-03-02T13:00:00')).toBe('2026-03-02T13:00:00');
  });

  it('should show ISO dates with a zone, with or without fraction, and epoch ms as the instant they are', () => {
    for (const offset of [undefined, SERVER_OFFSET]) {
      expect(formatDate('2026-03-02T12:00:00.000Z', offset)).toBe(shown(NOW));
      expect(formatDate('2026-03-02T13:00:00+01:00', offset)).toBe(shown(NOW));
      expect(formatDate(NOW, offset)).toBe(shown(NOW));
      expect(isoDate('2026-03-02T17:30:00+05:30', offset)).toBe('2026-03-02T12:00:00.000Z');
      expect(isoDate(NOW, offset)).toBe('2026-03-02T12:00:00.000Z');
    }
  });

  it('should show text that does not parse as it came', () => {
    expect(formatDate('next Tuesday', SERVER_OFFSET)).toBe('next Tuesday');
    expect(isoDate('next Tuesday')).toBeUndefined();
    expect(formatDate(undefined)).toBe('');
  });
});

const { emulator } = setupEmulator({ now: () => NOW, utcOffsetMinutes: SERVER_OFFSET });

/** A date cell as the components write one: `<time dateTime={isoDate(d, offset)}>{formatDate(d, offset)}</time>`. */
function Created({ id }: { id: string }): ReactNode {
  const offset = useServerOffset();
  const { data } = useRecording(id);
  if (!data) return null;
  return (
    <time data-testid="created" dateTime={isoDate(data.creationDate, offset)}>
      {formatDate(data.creationDate, offset)}
    </time>
  );
}

function Settings(): ReactNode {
  const { data } = useSystemSettings();
  return data ? <p>{data.systemTimeISO8601}</p> : null;
}

function Page(): ReactNode {
  const [withSettings, setWithSettings] = useState(false);
  return (
    <>
      <button onClick={() => setWithSettings(true)}>Settings</button>
      {withSettings && <Settings />}
      <Created id="p-004" />
    </>
  );
}

describe('useServerOffset', () => {
  it('should leave dates as given without asking for the settings, and convert them once the settings are cached', async () => {
    const created = Date.parse(emulator().state.programs.get('p-004')!.creationDate!);
    const wall = new Date(created + SERVER_OFFSET * 60_000).toISOString().slice(0, 19);

    renderWithService(<Page />);
    const time = await screen.findByTestId('created');
    expect(time).toHaveTextContent(asGiven(wall));
    expect(time).toHaveAttribute('datetime', wall);
    expect(requestsTo(emulator(), '/system/settings')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('2026-03-02T13:00:00+01:00')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('created')).toHaveTextContent(shown(created)));
    expect(screen.getByTestId('created')).toHaveAttribute('datetime', new Date(created).toISOString());
    expect(requestsTo(emulator(), '/system/settings')).toHaveLength(1);
  });
});

describe('components', () => {
  it('should show a program date in the viewer zone once the settings are cached, as given before', async () => {
    const created = Date.parse(emulator().state.programs.get('p-004')!.creationDate!);
    const wall = new Date(created + SERVER_OFFSET * 60_000).toISOString().slice(0, 19);

    renderWithService(<DetailsPage />);
    expect(await screen.findByText(asGiven(wall))).toHaveAttribute('datetime', wall);
    expect(requestsTo(emulator(), '/system/settings')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText(shown(created))).toHaveAttribute('datetime', new Date(created).toISOString());
  });
});

function DetailsPage(): ReactNode {
  const [withSettings, setWithSettings] = useState(false);
  return (
    <>
      <button onClick={() => setWithSettings(true)}>Settings</button>
      {withSettings && <Settings />}
      <RecordingDetails id="p-004" />
    </>
  );
}
