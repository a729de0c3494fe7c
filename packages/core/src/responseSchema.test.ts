import { describe, expect, it } from 'vitest';
import { parseRecordingResponse } from './responseSchema';

const item = (overrides: Record<string, unknown> = {}) => ({
  recording_id: 'r1',
  presigned_url: 'https://storage.example/r1.wav?sig=secret',
  expires_at: 1_900_000_000,
  sequence_number: 1,
  ...overrides,
});

describe('parseRecordingResponse', () => {
  it('accepts the contract, with null or missing optional fields, and drops unknown ones', () => {
    const parsed = parseRecordingResponse({
      recordings: [
        item({ expires_at: null, extra: 'x' }),
        item({ expires_at: undefined, is_streamable: false }),
      ],
      is_streamable: null,
      future_field: { nested: true },
    });
    expect(parsed).toEqual({
      ok: true,
      body: {
        recordings: [
          { ...item({ expires_at: null }), is_streamable: undefined },
          { ...item({ expires_at: undefined }), is_streamable: false },
        ],
        is_streamable: null,
      },
    });
  });

  it.each([
    ['a string', 'nope', ['(body): expected an object']],
    ['an array', [], ['(body): expected an object']],
    ['no recordings', {}, ['recordings: expected an array']],
    ['no items', { recordings: [] }, ['recordings: expected at least one item']],
    ['an item that is not an object', { recordings: [null] }, ['recordings.0: expected an object']],
    [
      'wrong types',
      { recordings: [item({ sequence_number: '1', recording_id: '' })], is_streamable: 'yes' },
      [
        'is_streamable: expected a boolean',
        'recordings.0.recording_id: expected a non-empty string',
        'recordings.0.sequence_number: expected an integer',
      ],
    ],
    [
      'a fractional sequence',
      { recordings: [item({ sequence_number: 1.5 })] },
      ['recordings.0.sequence_number: expected an integer'],
    ],
    [
      'a missing URL',
      { recordings: [item({ presigned_url: undefined })] },
      ['recordings.0.presigned_url: expected a URL'],
    ],
    [
      'a URL that is not one',
      { recordings: [item({ presigned_url: 'not a url' })] },
      ['recordings.0.presigned_url: expected a URL'],
    ],
    [
      'an expiry that is text',
      { recordings: [item({ expires_at: '2026' })] },
      ['recordings.0.expires_at: expected a finite number'],
    ],
  ])('names what is wrong with %s, by path', (_what, body, issues) => {
    expect(parseRecordingResponse(body)).toEqual({ ok: false, issues });
  });

  it('never repeats the offending value: a bad field may hold a URL or a token', () => {
    const parsed = parseRecordingResponse({
      recordings: [item({ recording_id: 42, presigned_url: 'secret-token' })],
    });
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('secret');
  });
});
