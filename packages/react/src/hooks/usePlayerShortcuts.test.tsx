import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { usePlayerShortcuts, type PlayerShortcutHandlers } from './usePlayerShortcuts';

function Player(handlers: PlayerShortcutHandlers) {
  const onKeyDown = usePlayerShortcuts(handlers);
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- test harness for a keyboard hook
    <div onKeyDown={onKeyDown}>
      <div role="slider" aria-valuenow={0} aria-label="Seek" tabIndex={0} />
      <button type="button">Other</button>
      <input aria-label="Note" />
    </div>
  );
}

function setup() {
  const handlers = { togglePlay: vi.fn(), skip: vi.fn(), changeRate: vi.fn(), skipSeconds: 10 };
  render(<Player {...handlers} />);
  return handlers;
}

describe('usePlayerShortcuts', () => {
  it('plays and pauses with Space and K, skips with J and L, changes speed with < and >', async () => {
    const h = setup();
    screen.getByRole('slider').focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('k');
    expect(h.togglePlay).toHaveBeenCalledTimes(2);
    await userEvent.keyboard('j');
    expect(h.skip).toHaveBeenLastCalledWith(-10);
    await userEvent.keyboard('L');
    expect(h.skip).toHaveBeenLastCalledWith(10);
    await userEvent.keyboard('<');
    expect(h.changeRate).toHaveBeenLastCalledWith(-1);
    await userEvent.keyboard('>');
    expect(h.changeRate).toHaveBeenLastCalledWith(1);
  });

  it('leaves Space to a focused button and every key to a text field', async () => {
    const h = setup();
    screen.getByRole('button', { name: 'Other' }).focus();
    await userEvent.keyboard(' ');
    expect(h.togglePlay).not.toHaveBeenCalled();
    screen.getByRole('textbox', { name: 'Note' }).focus();
    await userEvent.keyboard('k j');
    expect(h.togglePlay).not.toHaveBeenCalled();
    expect(h.skip).not.toHaveBeenCalled();
  });
});
