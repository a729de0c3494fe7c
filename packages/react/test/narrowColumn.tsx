import type { Decorator } from '@storybook/react-vite';

/** Renders a story in a 320 px column, the narrowest a note-review sidebar gives the player. */
export const narrowColumn: Decorator = (Story) => (
  <div style={{ width: 320 }}>
    <Story />
  </div>
);
