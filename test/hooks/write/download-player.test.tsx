import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordingPlayer } from '../../../components';
import { DOWNLOAD_MEMORY_LIMIT_BYTES } from '../../../hooks/useDownloadRecording';
import { EMULATOR_PROGRAMS } from '../../../src/testing';
import { renderWithService, requestsTo, setupEmulator } from '../../components/harness';

const { emulator } = setupEmulator();
const ID = EMULATOR_PROGRAMS.publicRecording;

afterEach(() => vi.unstubAllGlobals());

describe('RecordingPlayer downloads', () => {
  it('should hand a file too large for memory to the browser, saying its checksum is not verified', async () => {
    // The program's size is in KiB: one over the in-memory limit.
    emulator().state.programs.get(ID)!.size = DOWNLOAD_MEMORY_LIMIT_BYTES / 1024 + 1;
    const user = userEvent.setup();
    renderWithService(<RecordingPlayer id={ID} />);
    await user.click(await screen.findByRole('button', { name: 'Download' }));
    // Catches today's player, which reads the whole file into memory and has no such notice.
    expect(await screen.findByText(/too large to check here/)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Save file' });
    expect(link.getAttribute('href')?.startsWith(`https://recordings.test/media/${ID}.mp4`)).toBe(true);
    expect(link).toHaveAttribute('download');
    expect(screen.queryByText('Download verified')).not.toBeInTheDocument();
    expect(requestsTo(emulator(), `/media/${ID}.mp4`)).toHaveLength(0);
  });

  it('should stream into the file chosen in the Save dialog and say where it went', async () => {
    const written: Uint8Array[] = [];
    const picker = vi.fn(async (_init: { suggestedName?: string }) => ({
      name: 'talk.mp4',
      createWritable: async () => ({
        write: async (data: Uint8Array) => void written.push(data.slice()),
        close: async () => {},
        abort: async () => {},
      }),
    }));
    vi.stubGlobal('showSaveFilePicker', picker);
    // Over the in-memory limit: where the browser can, such a file streams into the file chosen in the dialog.
    emulator().state.programs.get(ID)!.size = DOWNLOAD_MEMORY_LIMIT_BYTES / 1024 + 1;
    const user = userEvent.setup();
    renderWithService(<RecordingPlayer id={ID} />);
    await user.click(await screen.findByRole('button', { name: 'Download' }));
    // Catches today's player: no Save dialog, no "Saved as".
    expect(await screen.findByText(/Download verified\s+Saved as talk\.mp4\./)).toBeInTheDocument();
    expect(picker).toHaveBeenCalledTimes(1);
    expect(picker.mock.calls[0]![0].suggestedName).toMatch(/\.mp4$/);
    expect(written.reduce((sum, chunk) => sum + chunk.length, 0)).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: 'Save file' })).not.toBeInTheDocument();
    await waitFor(() => expect(requestsTo(emulator(), `/media/${ID}.mp4`)).toHaveLength(1));
  });
});
