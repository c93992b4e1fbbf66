import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordingPlayer } from '../../components';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { expectAccessible, renderWithService, requestsTo, setupEmulator } from './harness';

const { emulator, useEmulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.publicRecording;

afterEach(() => {
  vi.restoreAllMocks();
});

const video = (name: RegExp | string = /^Video: /) => screen.findByLabelText(name, { selector: 'video' });

describe('RecordingPlayer', () => {
  it('should play the MP4 stream where the browser has neither HLS nor MediaSource, accessibly', async () => {
    const { container } = renderWithService(<RecordingPlayer id={ID} />);
    const element = await video();
    await waitFor(() => expect(element).toHaveAttribute('data-source', 'mp4'));
    expect(element).toHaveAttribute('src', `https://recordings.test/media/${ID}.mp4`);
    expect(element).toHaveAttribute('controls');
    await expectAccessible(container);
  });

  it('should play HLS natively where the browser can', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockImplementation((type) =>
      type === 'application/vnd.apple.mpegurl' ? 'maybe' : '',
    );
    renderWithService(<RecordingPlayer id={ID} />);
    const element = await video();
    await waitFor(() => expect(element).toHaveAttribute('data-source', 'hls'));
    expect(element).toHaveAttribute('src', `https://recordings.test/media/${ID}/index.m3u8`);
  });

  it('should fall back to the next source when one fails to play, and say so when none can', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockImplementation((type) =>
      type === 'application/vnd.apple.mpegurl' ? 'maybe' : '',
    );
    renderWithService(<RecordingPlayer id={ID} />);
    const element = await video();
    await waitFor(() => expect(element).toHaveAttribute('data-source', 'hls'));
    fireEvent.error(element);
    // hls.js cannot run here (no MediaSource), so the MP4 file is next.
    await waitFor(() => expect(element).toHaveAttribute('data-source', 'mp4'));
    expect(element).toHaveAttribute('src', `https://recordings.test/media/${ID}.mp4`);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.error(element);
    expect(await screen.findByRole('alert')).toHaveTextContent('This recording cannot be played in this browser.');
  });

  it('should report the view: start on the first play, end when it ends', async () => {
    renderWithService(<RecordingPlayer id={ID} />);
    const element = await video();
    fireEvent.play(element);
    fireEvent.play(element);
    await waitFor(() => expect(requestsTo(emulator(), `/programs/${ID}/report`, 'POST')).toHaveLength(1));
    fireEvent.ended(element);
    await waitFor(() =>
      expect(requestsTo(emulator(), new RegExp(`/programs/${ID}/report/.+`), 'POST')).toHaveLength(1),
    );
    expect(
      emulator().state.views.filter((v) => v.programId === ID && v.ended && !v.reportId.startsWith('r-seed')),
    ).toHaveLength(1);
  });

  it('should end the view report when it unmounts mid-view', async () => {
    const { unmount } = renderWithService(<RecordingPlayer id={ID} />);
    fireEvent.play(await video());
    await waitFor(() => expect(requestsTo(emulator(), `/programs/${ID}/report`, 'POST')).toHaveLength(1));
    unmount();
    await waitFor(() =>
      expect(requestsTo(emulator(), new RegExp(`/programs/${ID}/report/.+`), 'POST')).toHaveLength(1),
    );
  });

  it('should download a downloadable recording with progress and a verified checksum', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingPlayer id={ID} />);
    await user.click(await screen.findByRole('button', { name: 'Download' }));
    expect(await screen.findByText('Download verified')).toBeInTheDocument();
    expect(requestsTo(emulator(), `/media/${ID}.mp4`)).toHaveLength(1);
  });

  it('should show the progress of a download and cancel it', async () => {
    const user = userEvent.setup();
    renderWithService(<RecordingPlayer id={ID} />);
    // Nothing of the file arrives until cancelled.
    emulator().setFaults({ rules: [{ kind: 'hang', path: '/media/' }] });
    await user.click(await screen.findByRole('button', { name: 'Download' }));
    expect(await screen.findByRole('progressbar', { name: 'Download progress' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('Download verified')).not.toBeInTheDocument();
  });

  it('should offer no download when the owner does not allow it', async () => {
    renderWithService(<RecordingPlayer id={EMULATOR_PROGRAMS.htmlTitle} />);
    await video();
    expect(screen.queryByRole('button', { name: 'Download' })).not.toBeInTheDocument();
  });

  it('should ask for nothing while a protected recording is locked, and play once given its password', async () => {
    const id = EMULATOR_PROGRAMS.pinProtected;
    const { unmount } = renderWithService(<RecordingPlayer id={id} />, { as: 'carol' });
    expect(await screen.findByText(/password protected/)).toBeInTheDocument();
    expect(requestsTo(emulator(), `/programs/${id}/url`)).toHaveLength(0);
    unmount();

    renderWithService(<RecordingPlayer id={id} password={EMULATOR_PROGRAM_PIN} />, { as: 'carol' });
    await waitFor(async () => expect(await video()).toHaveAttribute('data-source', 'mp4'));
    expect(requestsTo(emulator(), `/programs/${id}/url`, 'POST')).toHaveLength(1);
  });

  it('should say when a broadcast cannot be played yet', async () => {
    renderWithService(<RecordingPlayer id={EMULATOR_PROGRAMS.liveFuture} />, { as: 'admin' });
    expect(await screen.findByText('This recording cannot be played yet.')).toBeInTheDocument();
  });

  it('should show a failure to get the address, with a retry', async () => {
    useEmulator({ faults: { rules: [{ kind: 'error', status: 503, path: '/url' }] } });
    renderWithService(<RecordingPlayer id={ID} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('503');
    emulator().setFaults();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await video()).toBeInTheDocument();
  });
});
