import type { Meta, StoryObj } from '@storybook/react-vite';
import { narrowColumn } from '../test/narrowColumn';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { storyApi } from '../test/storyApi';
import { StoryProviders } from '../test/StoryProviders';
import { RecordingPlayer } from './RecordingPlayer';

const meta = {
  title: 'Player/RecordingPlayer',
  component: RecordingPlayer,
  args: { sessionId: 'visit-1', onAuditEvent: fn() },
  decorators: [
    (Story) => (
      <StoryProviders>
        <Story />
      </StoryProviders>
    ),
  ],
  parameters: {
    msw: { handlers: storyApi() },
    docs: {
      description: {
        component: `The drop-in player. Give it a session id inside a \`QueryClientProvider\` and a \`RecordingClientProvider\`:

\`\`\`tsx
<RecordingPlayer sessionId="visit-1" onAuditEvent={(event) => audit.record(event)} />
\`\`\`

It fetches and refreshes the presigned URLs, streams with a progressive waveform, downloads first when the
recording cannot stream, and shows a view for every other state. Drive it from the page with
\`usePlayerControls()\`: \`<RecordingPlayer ref={controls.attach} />\`, then \`controls.seek(63, { play: true })\`.`,
      },
    },
  },
} satisfies Meta<typeof RecordingPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

const slider = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('slider', { name: 'Seek' }, { timeout: 10_000 });

export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const seek = await slider(canvasElement);
    await waitFor(() => expect(seek).toHaveAttribute('aria-valuemax', '30'), { timeout: 10_000 });
    seek.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(args.onAuditEvent).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'seek', sessionId: 'visit-1' }),
      ),
    );
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: storyApi({ hang: true }) } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('region', { name: 'Loading recording…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

export const Processing: Story = {
  parameters: { msw: { handlers: storyApi({ status: 404 }) } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(
      'The recording is still being processed.',
      {},
      { timeout: 10_000 },
    );
  },
};

export const Gone: Story = {
  name: 'Gone (older than 7 days)',
  parameters: { msw: { handlers: storyApi({ status: 410 }) } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/kept for 7 days/, {}, { timeout: 10_000 });
  },
};

export const AuthError: Story = {
  name: 'Auth error',
  parameters: { msw: { handlers: storyApi({ status: 401 }) } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Try again' }, { timeout: 10_000 });
  },
};

export const NotStreamable: Story = {
  name: 'Not streamable (download mode)',
  parameters: { msw: { handlers: storyApi({ streamable: false, chunks: [20] }) } },
  play: async ({ canvasElement }) => {
    const seek = await slider(canvasElement);
    await waitFor(() => expect(seek).toHaveAttribute('aria-valuemax', '20'), { timeout: 10_000 });
  },
};

export const MultiChunk: Story = {
  name: 'Multi-chunk recording',
  parameters: { msw: { handlers: storyApi({ chunks: [15, 20, 10] }) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.aa-marker')).toHaveLength(2), {
      timeout: 10_000,
    });
  },
};

export const LongRecording: Story = {
  name: 'Long recording (20 minutes)',
  parameters: { msw: { handlers: storyApi({ chunks: [20 * 60], sampleRate: 8000 }) } },
  play: async ({ canvasElement }) => {
    const seek = await slider(canvasElement);
    await waitFor(() => expect(seek).toHaveAttribute('aria-valuemax', '1200'), { timeout: 10_000 });
    seek.focus();
    await userEvent.keyboard('{End}');
    await expect(seek).toHaveAttribute('aria-valuetext', '20 minutes of 20 minutes');
  },
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
};

export const NarrowColumn: Story = {
  name: 'Narrow column (320 px)',
  decorators: [narrowColumn],
};
