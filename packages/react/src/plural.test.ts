import { describe, expect, it } from 'vitest';
import { defaultLabels, spokenDuration } from './labels';
import { pluralize } from './plural';

describe('pluralize', () => {
  it('picks English one/other by the count, never by adding an "s"', () => {
    const forms = { one: '# second', other: '# seconds' };
    expect(pluralize(1, forms)).toBe('1 second');
    expect(pluralize(0, forms)).toBe('0 seconds');
    expect(pluralize(2, forms)).toBe('2 seconds');
    expect(pluralize(1.5, forms)).toBe('1.5 seconds');
  });

  it('gives, for English without Intl, what Intl.PluralRules and NumberFormat give', () => {
    const forms = { one: '# second', other: '# seconds' };
    const rules = new Intl.PluralRules('en');
    const numbers = new Intl.NumberFormat('en');
    for (const count of [-1000, -999, -1, -0, 0, 1, 2, 9, 10, 11, 21, 101, 999, 1000, 1001, 12345]) {
      const expected = `${numbers.format(count)} ${rules.select(count) === 'one' ? 'second' : 'seconds'}`;
      expect(pluralize(count, forms)).toBe(expected);
    }
  });

  it('uses the few/many forms languages with more than two need', () => {
    // Polish: 1 sekunda, 2–4 sekundy, 5–21 sekund, 22 sekundy.
    const polish = { one: '# sekunda', few: '# sekundy', many: '# sekund', other: '# sekundy' };
    expect(pluralize(1, polish, 'pl')).toBe('1 sekunda');
    expect(pluralize(3, polish, 'pl')).toBe('3 sekundy');
    expect(pluralize(5, polish, 'pl')).toBe('5 sekund');
    expect(pluralize(12, polish, 'pl')).toBe('12 sekund');
    expect(pluralize(22, polish, 'pl')).toBe('22 sekundy');
  });

  it('falls back to `other` for a category the host did not write, and formats the count for the locale', () => {
    expect(pluralize(2, { other: '# Sekunden' }, 'de')).toBe('2 Sekunden');
    expect(pluralize(1200, { one: '# row', other: '# rows' }, 'de')).toBe('1.200 rows');
  });
});

describe('counted labels', () => {
  it('says "1 second" and "2 seconds" in the processing countdown and the skip buttons', () => {
    expect(defaultLabels.processingRetry(1)).toBe('Checking again in 1 second.');
    expect(defaultLabels.processingRetry(2)).toBe('Checking again in 2 seconds.');
    expect(defaultLabels.skipBack(1)).toBe('Skip back 1 second');
    expect(defaultLabels.skipForward(10)).toBe('Skip forward 10 seconds');
  });

  it('speaks durations with singular and plural units', () => {
    expect(spokenDuration(3661)).toBe('1 hour 1 minute 1 second');
    expect(spokenDuration(7322)).toBe('2 hours 2 minutes 2 seconds');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});
