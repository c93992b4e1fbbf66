import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  RecordingList,
  SessionStatus,
  defaultRecordingServiceMessages,
  germanRecordingServiceMessages,
} from '../../components';
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

  it('should ship German labels for every key of the English ones', async () => {
    expect(Object.keys(germanRecordingServiceMessages).sort()).toEqual(
      Object.keys(defaultRecordingServiceMessages).sort(),
    );
    renderWithService(<RecordingList onSelect={() => {}} />, { messages: germanRecordingServiceMessages });
    expect(await screen.findByRole('list', { name: 'Aufzeichnungen' })).toBeInTheDocument();
    expect(screen.getByText(/^1–10 von \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nächste Seite' })).toBeInTheDocument();
  });

  it('should name themselves and the missing provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<SessionStatus />)).toThrow('SessionStatus() must be used inside <RecordingServiceProvider>');
    vi.restoreAllMocks();
  });
});
