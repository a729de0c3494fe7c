/** One item of the recording API's 200 body, as the contract defines it. */
export interface RecordingResponseItem {
  recording_id: string;
  presigned_url: string;
  expires_at?: number | null | undefined;
  sequence_number: number;
  is_streamable?: boolean | null | undefined;
}

/** The recording API's 200 body. */
export interface RecordingResponseBody {
  recordings: RecordingResponseItem[];
  is_streamable?: boolean | null | undefined;
}

export type ParsedRecordingResponse =
  { ok: true; body: RecordingResponseBody } | { ok: false; issues: string[] };

type Check = (value: unknown) => string | null;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString: Check = (value) =>
  typeof value === 'string' && value.length > 0 ? null : 'a non-empty string';
const url: Check = (value) => {
  if (typeof value !== 'string') return 'a URL';
  try {
    new URL(value);
    return null;
  } catch {
    return 'a URL';
  }
};
const integer: Check = (value) => (Number.isInteger(value) ? null : 'an integer');
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || value === null ? null : check(value);
const finiteNumber: Check = (value) =>
  typeof value === 'number' && Number.isFinite(value) ? null : 'a finite number';
const boolean: Check = (value) => (typeof value === 'boolean' ? null : 'a boolean');

const itemFields: Record<keyof RecordingResponseItem, Check> = {
  recording_id: nonEmptyString,
  presigned_url: url,
  expires_at: optional(finiteNumber),
  sequence_number: integer,
  is_streamable: optional(boolean),
};

/**
 * Checks a 200 body against the contract, by hand rather than with a schema library (which cost
 * every host 3 kB up front for five fields). Unknown fields are ignored (the API grows);
 * `is_streamable` is accepted at the top level and on each item (one copy of the vendor's docs puts
 * it there). Issues are dotted paths and what was expected, never the offending values: they may
 * be URLs.
 */
export function parseRecordingResponse(json: unknown): ParsedRecordingResponse {
  if (!isObject(json)) return { ok: false, issues: ['(body): expected an object'] };
  const issues: string[] = [];
  const topStreamable = optional(boolean)(json['is_streamable']);
  if (topStreamable) issues.push(`is_streamable: expected ${topStreamable}`);
  const list = json['recordings'];
  if (!Array.isArray(list)) issues.push('recordings: expected an array');
  else if (list.length === 0) issues.push('recordings: expected at least one item');
  else {
    list.forEach((item: unknown, index) => {
      if (!isObject(item)) {
        issues.push(`recordings.${index}: expected an object`);
        return;
      }
      for (const [field, check] of Object.entries(itemFields)) {
        const problem = check(item[field]);
        if (problem) issues.push(`recordings.${index}.${field}: expected ${problem}`);
      }
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const body = json as unknown as RecordingResponseBody;
  // Only the contract's fields go on: nothing unknown from a hostile body travels further.
  return {
    ok: true,
    body: {
      recordings: body.recordings.map((item) => ({
        recording_id: item.recording_id,
        presigned_url: item.presigned_url,
        expires_at: item.expires_at,
        sequence_number: item.sequence_number,
        is_streamable: item.is_streamable,
      })),
      is_streamable: body.is_streamable,
    },
  };
}
