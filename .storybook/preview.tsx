import '../packages/react/src/styles.css';
import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Story tests fail on any axe violation, so every state a story shows is checked for accessibility.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
