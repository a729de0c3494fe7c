import '../packages/react/src/styles.css';
import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Story tests fail on any axe violation, so every state a story shows is checked for accessibility.
    a11y: { test: 'error' },
  },
  // Stories play against msw handlers (parameters.msw), never a real API.
  loaders: [mswLoader()],
  tags: ['autodocs'],
};

export default preview;
