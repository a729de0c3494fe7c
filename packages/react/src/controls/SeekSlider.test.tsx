import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../labels';
import { SeekSlider } from './SeekSlider';

function Harness({ duration = 1920, start = 65, onSeek = vi.fn() }) {
  const [time, setTime] = useState(start);
  return (
    <SeekSlider
      value={time}
      duration={duration}
      label="Seek"
      valueText={defaultLabels.position}
      onSeek={(t) => {
        onSeek(t);
        setTime(t);
      }}
    />
  );
}

describe('SeekSlider', () => {
  it('is a named slider that speaks its position', () => {
    render(<Harness />);
    const slider = screen.getByRole('slider', { name: 'Seek' });
    expect(slider).toHaveAttribute('aria-valuetext', '1 minute 5 seconds of 32 minutes');
    expect(slider).toHaveAttribute('aria-valuenow', '65');
    expect(slider).toHaveAttribute('aria-valuemax', '1920');
    expect(slider).toHaveAttribute('tabindex', '0');
  });

  it('moves 5 s with arrows, 30 s with PageUp/PageDown, to the ends with Home/End', async () => {
    const user = userEvent.setup();
    const onSeek = vi.fn();
    render(<Harness onSeek={onSeek} />);
    screen.getByRole('slider').focus();
    await user.keyboard('{ArrowRight}');
    expect(onSeek).toHaveBeenLastCalledWith(70);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(onSeek).toHaveBeenLastCalledWith(60);
    await user.keyboard('{PageUp}');
    expect(onSeek).toHaveBeenLastCalledWith(90);
    await user.keyboard('{PageDown}');
    expect(onSeek).toHaveBeenLastCalledWith(60);
    await user.keyboard('{End}');
    expect(onSeek).toHaveBeenLastCalledWith(1920);
    await user.keyboard('{Home}');
    expect(onSeek).toHaveBeenLastCalledWith(0);
    await user.keyboard('{ArrowLeft}');
    expect(onSeek).toHaveBeenLastCalledWith(0);
  });

  it('previews while dragging and seeks once, on release', () => {
    const onSeek = vi.fn();
    render(<Harness onSeek={onSeek} duration={100} start={0} />);
    const slider = screen.getByRole('slider');
    slider.getBoundingClientRect = () => ({
      left: 0,
      width: 200,
      top: 0,
      height: 40,
      right: 200,
      bottom: 40,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.pointerDown(slider, { button: 0, clientX: 50, pointerId: 1 });
    fireEvent.pointerMove(slider, { clientX: 100, pointerId: 1 });
    expect(slider).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByText('0:50')).toBeInTheDocument();
    expect(onSeek).not.toHaveBeenCalled();
    fireEvent.pointerUp(slider, { clientX: 150, pointerId: 1 });
    expect(onSeek).toHaveBeenCalledTimes(1);
    expect(onSeek).toHaveBeenCalledWith(75);
  });

  it('is inert until the duration is known', async () => {
    const onSeek = vi.fn();
    render(<Harness onSeek={onSeek} duration={0} start={0} />);
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('aria-disabled', 'true');
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(onSeek).not.toHaveBeenCalled();
  });
});
