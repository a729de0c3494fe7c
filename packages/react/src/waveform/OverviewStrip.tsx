import { useEffect, useRef } from 'react';
import type { PointerEvent } from 'react';
import { overviewColumns, type WaveformLoudness } from './displayColumns';
import { loudnessRenderer } from './drawLoudness';

export interface OverviewStripProps {
  loudness: WaveformLoudness;
  reference: number;
  duration: number;
  /** The zoomed view: seconds at its left edge and across. */
  view: { start: number; length: number };
  /** Moves the view to start at `start` seconds. */
  onMove: (start: number) => void;
  label: string;
}

/**
 * The whole recording in a thin strip above a zoomed waveform, with the visible window marked: where
 * the view is, at a glance, and a handle to move it (click or drag). A pointer aid only: keyboard and
 * screen-reader users move with the seek slider and hear the zoom level announced.
 */
export function OverviewStrip({ loudness, reference, duration, view, onMove, label }: OverviewStripProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const dragRef = useRef<{ offset: number } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
      const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.clearRect(0, 0, width, height);
      const style = getComputedStyle(canvas);
      context.fillStyle = style.getPropertyValue('--aa-wave').trim() || '#3f5873';
      const drawn = overviewColumns(loudness, reference);
      loudnessRenderer({ barWidth: 1, barGap: 1, envelopeOpacity: 0.45 })(
        [drawn.envelope, drawn.level],
        context,
      );
    };
    draw();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(draw);
    observer?.observe(canvas);
    return () => observer?.disconnect();
  }, [loudness, reference]);

  const timeAt = (event: PointerEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return rect.width > 0 ? ((event.clientX - rect.left) / rect.width) * duration : 0;
  };
  const left = duration > 0 ? (view.start / duration) * 100 : 0;
  const width = duration > 0 ? (view.length / duration) * 100 : 100;

  return (
    // A pointer handle on a picture of the recording (hidden from assistive technology): the seek
    // slider and the zoom keys are its keyboard equivalent.
    <div
      className="aa-overview"
      aria-hidden="true"
      title={label}
      onPointerDown={(event) => {
        const time = timeAt(event);
        const inside = time >= view.start && time <= view.start + view.length;
        dragRef.current = { offset: inside ? time - view.start : view.length / 2 };
        event.currentTarget.setPointerCapture?.(event.pointerId);
        if (!inside) onMove(time - view.length / 2);
      }}
      onPointerMove={(event) => {
        if (dragRef.current) onMove(timeAt(event) - dragRef.current.offset);
      }}
      onPointerUp={() => {
        dragRef.current = null;
      }}
      onPointerCancel={() => {
        dragRef.current = null;
      }}
    >
      <canvas ref={canvasRef} className="aa-overview-wave" />
      <span className="aa-overview-window" style={{ left: `${left}%`, width: `${width}%` }} />
    </div>
  );
}
