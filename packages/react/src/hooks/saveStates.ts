import type { SaveState } from './useRecordingDownload';

export const idleSave: SaveState = {
  status: 'idle',
  fileNames: [],
  loaded: 0,
  total: null,
  method: null,
  error: null,
};

export function failedSave(caught: unknown): SaveState {
  return {
    ...idleSave,
    status: 'failed',
    error: caught instanceof Error ? caught : new Error('Download failed'),
  };
}
