// The lazily loaded chunk behind `wholeFileDownloads.ts`.
export { downloadRecordingFile } from './downloadRecordingFile';
export { saveRecordingFiles } from './saveRecordingFiles';
export { fetchToSink } from './fetchToSink';
