import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../styles.css';
import { PlayerSkeleton } from './PlayerSkeleton';

describe('the loading skeleton', () => {
  it.each([288, 320, 480, 1280])('keeps every placeholder inside its card at %i px', (width) => {
    const { container } = render(
      <div style={{ width }}>
        <PlayerSkeleton label="Loading recording" />
      </div>,
    );
    const card = container.querySelector('.aa-skeleton');
    const box = card?.getBoundingClientRect();
    const placeholders = [...container.querySelectorAll('.aa-skeleton-button, .aa-skeleton-text')];
    expect(placeholders.length).toBeGreaterThan(5);
    for (const placeholder of placeholders) {
      const rect = placeholder.getBoundingClientRect();
      if (rect.width === 0) continue;
      expect(rect.right).toBeLessThanOrEqual((box?.right ?? 0) + 0.5);
      expect(rect.left).toBeGreaterThanOrEqual((box?.left ?? 0) - 0.5);
    }
  });
});
