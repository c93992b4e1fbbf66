import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SessionStatus } from '../../components';
import { useRecordings } from '../../hooks/useRecordings';
import { expectAccessible, renderWithService, setupEmulator } from './harness';

const { emulator } = setupEmulator();

describe('SessionStatus', () => {
  it('should show a guest a sign-in form, accessibly', async () => {
    const { container } = renderWithService(<SessionStatus />);
    expect(screen.getByRole('status')).toHaveTextContent('Guest');
    expect(screen.getByLabelText('Portal token')).toHaveAttribute('type', 'password');
    await expectAccessible(container);
  });

  it('should sign in with the keyboard, never render the portal token, and sign out', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<SessionStatus />);
    await user.tab();
    expect(screen.getByLabelText('Login')).toHaveFocus();
    await user.keyboard('alice');
    await user.tab();
    await user.keyboard('portal-alice');
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Signed in as alice')).toBeInTheDocument();
    expect(container.innerHTML).not.toContain('portal-alice');
    expect(emulator().requests.some((r) => r.path === emulator().paths.authorizationPath)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Portal token')).toHaveValue('');
  });

  it('should show why a refused sign-in failed, without the token, and clear the token field', async () => {
    const user = userEvent.setup();
    const { container } = renderWithService(<SessionStatus defaultLogin="alice" />);
    await user.type(screen.getByLabelText('Portal token'), 'not-a-real-token-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/./, { selector: '.rrs-error__message' }).textContent).not.toBe('');
    expect(screen.getByLabelText('Portal token')).toHaveValue('');
    expect(container.innerHTML).not.toContain('not-a-real-token-123');
    await expectAccessible(container);
  });

  it('should tell the user when the session expired and offer the form again', async () => {
    const user = userEvent.setup();
    renderWithService(
      <>
        <SessionStatus defaultLogin="carol" />
        <Poke />
      </>,
    );
    await user.type(screen.getByLabelText('Portal token'), 'portal-carol');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Signed in as carol');

    // The server forgets every token and the portal no longer knows carol: the next call's 401 cannot be
    // cured by a re-exchange, so the session ends.
    emulator().revokeTokens();
    emulator().state.users.delete('carol');
    await user.click(screen.getByRole('button', { name: 'poke' }));

    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});

/** Sends one read when pressed, as any component of the app would. */
function Poke() {
  const [poked, setPoked] = useState(false);
  useRecordings({ count: 1 }, { enabled: poked });
  return (
    <button type="button" onClick={() => setPoked(true)}>
      poke
    </button>
  );
}
