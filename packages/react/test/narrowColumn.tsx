import type { Decorator } from '@storybook/react-vite';

/** The narrowest column a note-review sidebar gives the player. */
export const NARROW_COLUMN_PX = 320;

/** Renders a story in a 320 px column (or the viewport, when that is narrower). */
export const narrowColumn: Decorator = (Story) => (
  <div data-narrow-column="" style={{ width: '100%', maxWidth: NARROW_COLUMN_PX }}>
    <Story />
  </div>
);

/**
 * What sticks out of the narrow column: the column itself scrolling sideways, or any visible
 * element whose box reaches past the column's right edge. Empty when everything fits.
 */
export function horizontalOverflow(canvasElement: HTMLElement): string[] {
  const column = canvasElement.querySelector<HTMLElement>('[data-narrow-column]');
  if (!column) return ['no narrow column in this story'];
  const problems: string[] = [];
  const edge = column.getBoundingClientRect().right;
  for (const element of [column, ...column.querySelectorAll<HTMLElement>('*')]) {
    if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'hidden') {
      problems.push(
        `${describe(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth} px)`,
      );
    }
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > edge + 0.5) {
      problems.push(`${describe(element)} ends ${Math.round(box.right - edge)} px past the column`);
    }
  }
  return problems;
}

function describe(element: Element): string {
  const name = element.getAttribute('aria-label') ?? element.className;
  return `<${element.tagName.toLowerCase()}${name ? ` "${String(name)}"` : ''}>`;
}
