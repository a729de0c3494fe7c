// What a host app that plays recordings imports, through the packages' published dist/ entry points
// (built first, so this is plain JavaScript that the typecheck does not need to resolve).
export { createRecordingClient } from '../packages/core/dist/index.js';
export { RecordingClientProvider, RecordingPlayer, usePlayerControls } from '../packages/react/dist/index.js';
