/**
 * One line per URL minted and per storage request, as the vendor logs every access. Never a
 * signature, a token or a full URL: the subject stands for the token, the path for the URL.
 */
export interface AccessLogEntry {
  time: string;
  event: 'mint' | 'storage' | 'api';
  subject: string | null;
  session: string | null;
  recording: string | null;
  mode: 'stream' | 'download' | null;
  range: string | null;
  status: number;
}

export type AccessLog = (entry: AccessLogEntry) => void;

export const jsonLinesToStdout: AccessLog = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};
