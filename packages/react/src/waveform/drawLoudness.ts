/** How the bars are laid out, CSS pixels. */
export interface BarStyle {
  barWidth: number;
  barGap: number;
  /** Opacity of the peak envelope behind the level bar (a theme's `--aa-envelope-opacity`). */
  envelopeOpacity: number;
}

/**
 * wavesurfer's `renderFunction` for loudness: per bar, the peak envelope (a lighter shade of the
 * bar's colour) with the RMS level inside it, centred. Columns measured from a short sample only
 * (the overview's) draw the level without an envelope: their true peak was not read, and the
 * difference marks them apart from exact ones without a second colour. wavesurfer paints the
 * played part by masking this drawing with its progress colour, which keeps the two shades.
 */
export function loudnessRenderer(style: BarStyle) {
  return (channels: readonly (Float32Array | number[])[], context: CanvasRenderingContext2D) => {
    const envelope = channels[0] ?? [];
    const level = channels[1] ?? envelope;
    const { width, height } = context.canvas;
    const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const barWidth = Math.max(1, style.barWidth * ratio);
    const pitch = barWidth + style.barGap * ratio;
    const bars = Math.max(1, Math.floor(width / pitch));
    const columns = level.length;
    if (columns === 0) return;
    const middle = height / 2;
    const minimum = Math.max(1, ratio);
    // Heights first, then one pass per shade: rectangles filled one by one, which a software canvas
    // (and the copy wavesurfer makes of it for the played part) rasterises at about half the cost of
    // one path of a few hundred rectangles.
    const levelHeights = new Float32Array(bars);
    const envelopeHeights = new Float32Array(bars);
    for (let b = 0; b < bars; b += 1) {
      const from = Math.floor((b * columns) / bars);
      const to = Math.max(from + 1, Math.floor(((b + 1) * columns) / bars));
      let top = 0;
      let energy = 0;
      let exact = true;
      for (let c = from; c < to && c < columns; c += 1) {
        const e = envelope[c] ?? 0;
        const l = level[c] ?? 0;
        if (e > top) top = e;
        energy += l * l;
        if (l < 0) exact = false;
      }
      const value = Math.sqrt(energy / (to - from));
      levelHeights[b] = Math.max(minimum, value * height);
      // 0: no envelope (a sampled column, or a peak no higher than the level).
      if (exact && top > value) envelopeHeights[b] = Math.max(minimum, top * height);
    }
    const alpha = context.globalAlpha;
    context.globalAlpha = alpha * style.envelopeOpacity;
    for (let b = 0; b < bars; b += 1) {
      const h = envelopeHeights[b] as number;
      if (h > 0) context.fillRect(b * pitch, middle - h / 2, barWidth, h);
    }
    context.globalAlpha = alpha;
    for (let b = 0; b < bars; b += 1) {
      const h = levelHeights[b] as number;
      context.fillRect(b * pitch, middle - h / 2, barWidth, h);
    }
  };
}
