import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TimeDisplay } from './TimeDisplay';

const meta = {
  title: 'Controls/TimeDisplay',
  component: TimeDisplay,
  args: { currentTime: 65, duration: 1920 },
} satisfies Meta<typeof TimeDisplay>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ShortVisit: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent('1:05 / 32:00');
  },
};

export const TwoHourVisit: Story = {
  args: { currentTime: 3909, duration: 7200 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent('1:05:09 / 2:00:00');
  },
};
