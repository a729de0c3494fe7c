import * as v from 'valibot';

/**
 * The recording API's 200 body, as the contract defines it. Unknown fields are ignored (the API
 * grows); `is_streamable` is accepted at the top level and on each item (one copy of the vendor's
 * docs puts it there), the item's own value winning.
 */
const recordingItem = v.object({
  recording_id: v.pipe(v.string(), v.minLength(1)),
  presigned_url: v.pipe(v.string(), v.url()),
  expires_at: v.optional(v.nullable(v.pipe(v.number(), v.finite()))),
  sequence_number: v.pipe(v.number(), v.integer()),
  is_streamable: v.optional(v.nullable(v.boolean())),
});

export const recordingResponseSchema = v.object({
  recordings: v.pipe(v.array(recordingItem), v.minLength(1)),
  is_streamable: v.optional(v.nullable(v.boolean())),
});

export type RecordingResponseBody = v.InferOutput<typeof recordingResponseSchema>;
export type RecordingResponseItem = v.InferOutput<typeof recordingItem>;

/** Where the body breaks the contract, as dotted paths: never the offending values (they may be URLs). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.') || '(body)';
    return `${path}: expected ${issue.expected ?? 'a valid value'}`;
  });
}
