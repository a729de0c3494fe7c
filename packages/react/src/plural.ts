/** The forms of a counted phrase, by CLDR plural category; `#` stands for the formatted count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A counted phrase in the right grammatical form for `locale`: "1 second", "2 seconds", and the
 * three, four or six forms other languages need, through `Intl.PluralRules` rather than by adding
 * an "s". For translated labels: `processingRetry: (n) => pluralize(n, { one: 'Noch # Sekunde', other: 'Noch # Sekunden' }, 'de')`.
 */
export function pluralize(count: number, forms: PluralForms, locale = 'en'): string {
  // The default labels' case, without Intl: its first use in a page loads locale data (10–20 ms),
  // on the path from the API's answer to the first audio. English counts 0 to 999: "one" is 1 only.
  if (locale === 'en' && Number.isInteger(count) && count >= 0 && count < 1000 && !Object.is(count, -0)) {
    const form = (count === 1 ? forms.one : undefined) ?? forms.other;
    return form.replaceAll('#', String(count));
  }
  const { rules, numbers } = formatters(locale);
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('#', numbers.format(count));
}

// Made once per locale: labels are asked for on every render.
const cache = new Map<string, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>();
function formatters(locale: string) {
  let found = cache.get(locale);
  if (!found) {
    found = { rules: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
    cache.set(locale, found);
  }
  return found;
}
