import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RecordingList, SessionStatus } from '../../components';
import { renderWithService, setupEmulator } from './harness';

setupEmulator();

describe('component labels', () => {
  it('should read their labels from the provider, keeping the defaults of the others', async () => {
    renderWithService(<RecordingList onSelect={() => {}} />, {
      messages: { nextPage: 'Weiter', pageSummary: (from, to, total) => `${from}–${to} von ${total}` },
    });
    expect(await screen.findByText(/^1–10 von \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeInTheDocument();
  });

  it('should name themselves and the missing provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<SessionStatus />)).toThrow('SessionStatus() must be used inside <RecordingServiceProvider>');
    vi.restoreAllMocks();
  });
});
