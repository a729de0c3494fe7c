import '../packages/react/src/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { mswStoryLoader } from './msw';

/** The page behind a story: a neutral light grey, or the dark page a dark-theme host would have. */
const storyBackgrounds = {
  light: { name: 'Light page', value: '#f6f8fa' },
  dark: { name: 'Dark page', value: '#0d1117' },
};

/**
 * The toolbar's Theme: every story inside a dark host (`.aa-theme-dark` on an ancestor, the way an
 * app themes every player at once), on the dark page. Stories that set `theme` themselves keep it.
 */
const withHostTheme: Decorator = (Story, context) =>
  context.globals['theme'] === 'dark' ? (
    <div className="aa-theme-dark">
      <Story />
    </div>
  ) : (
    <Story />
  );

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    backgrounds: { options: storyBackgrounds },
    // Story tests fail on any axe violation, so every state a story shows is checked for accessibility.
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'The host page theme around the player',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light host' },
          { value: 'dark', title: 'Dark host (.aa-theme-dark)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    backgrounds: { value: 'light' },
    theme: 'light',
  },
  decorators: [withHostTheme],
  // Stories play against msw handlers (parameters.msw) keyed by their own session id, never a real
  // API; see ./msw.ts for why this is not msw-storybook-addon's mswLoader.
  loaders: [mswStoryLoader],
  tags: ['autodocs'],
};

export default preview;
