import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatCount, formatDate, formatEuros, formatEurosAccessible, formatList, formatWholeEuros, numberFormat } from './format.js';
import { formatPartialDate } from './partial-date.js';
import { isOne, plural } from './plural.js';
import { messages as axisFilter } from './axis-filter.js';
import { messages as deduced } from './deduced.js';
import { FIELD_NAMES } from './deduced-fields.js';
import { messages as fundingCounter } from './funding-counter.js';
import { MEETINGS, messages as keyFigures } from './key-figures.js';
import type { Messages } from './locale.js';
import { messages as projectCard } from './project-card.js';
import { messages as projectList } from './project-list.js';
import { messages as states } from './states.js';
import { messages as mapMessages } from './territory-map.js';
import { METRIC_WORDS, messages as unattributed } from './unattributed.js';
import { colon, quote, typeset } from './typography.js';

describe('i18n', () => {
  it('sets French punctuation: a narrow no-break space before : ; ! ? and no-break spaces inside « »', () => {
    expect(typeset('Légende : carte ; oui ! non ?')).to.equal('Légende\u202f: carte\u202f; oui\u202f! non\u202f?');
    expect(typeset('«  Vosges »')).to.equal('«\u00a0Vosges\u00a0»');
    // No space, no change: URLs and times stay as written.
    expect(typeset('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(typeset('Legend : map', 'en')).to.equal('Legend : map');
    expect(colon('fr')).to.equal('\u202f: ');
    expect(colon('en')).to.equal(': ');
    expect(quote('Vosges', 'fr')).to.equal('«\u00a0Vosges\u00a0»');
  });

  it('has every French text typeset, and both languages for every key', () => {
    const tables: Record<string, Messages<string>> = {
      axisFilter,
      deduced,
      FIELD_NAMES,
      fundingCounter,
      keyFigures,
      MEETINGS,
      projectCard,
      projectList,
      states,
      mapMessages,
      unattributed,
      METRIC_WORDS,
    };
    const untypeset: string[] = [];
    const missing: string[] = [];
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table.fr)) if (typeset(text) !== text) untypeset.push(`${name}.${key}: ${text}`);
      const fr = Object.keys(table.fr).sort().join();
      if (Object.keys(table.en).sort().join() !== fr) missing.push(name);
    }
    expect(untypeset).to.deep.equal([]);
    expect(missing).to.deep.equal([]);
    expect(mapMessages.fr.selection).to.equal('Territoire sélectionné\u202f:');
    expect(mapMessages.en.selection).to.equal('Selected territory:');
  });

  it('takes plurals from Intl.PluralRules: French 0 and 1 singular, a million plural', () => {
    expect([0, 1, 1.5, 2, 1_000_000].map((n) => plural(n, 'fr', 'projet', 'projets'))).to.deep.equal(['projet', 'projet', 'projet', 'projets', 'projets']);
    expect([0, 1, 2].map((n) => plural(n, 'en', 'project', 'projects'))).to.deep.equal(['projects', 'project', 'projects']);
  });

  it('makes each Intl formatter once per locale and options', () => {
    expect(numberFormat('fr', { maximumFractionDigits: 0 })).to.equal(numberFormat('fr', { maximumFractionDigits: 0 }));
    expect(numberFormat('fr')).not.to.equal(numberFormat('en'));
    expect(formatCount(1100, 'fr').replace(/\s/g, ' ')).to.equal('1 100');
    expect(formatList(['A', 'B', 'C'], 'fr')).to.equal('A, B et C');
    expect(formatDate(new Date(Date.UTC(2023, 11, 5)), 'fr', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).to.equal('5 décembre 2023');
  });
});

describe('whole numbers written without Intl, the same as Intl writes them', () => {
  const LOCALES = ['fr', 'en'] as const;
  // Integers of every size, the edges of each group and unit included, both signs.
  const integers = fc.oneof(
    fc.integer({ min: -2000, max: 2000 }),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.integer({ min: 0, max: 15 }).chain((power) => fc.integer({ min: -3, max: 3 }).map((d) => 10 ** power + d)),
    fc.integer({ min: 1, max: 14 }).chain((power) => fc.integer({ min: 1, max: 999 }).map((lead) => (lead * 10 ** power) / 10 - 50 + (lead % 3))),
    fc.constantFrom(999_949, 999_950, 999_999, 1_049, 1_050, 99_950, 999_949_999, 999_950_000, 1e15 - 1, 1e15, Number.MAX_SAFE_INTEGER),
  );
  const intl = (locale: string, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);

  it('counts, accessible amounts and whole euros', () => {
    const count = { fr: intl('fr', { maximumFractionDigits: 0 }), en: intl('en', { maximumFractionDigits: 0 }) };
    const twoDigits = { fr: intl('fr', { maximumFractionDigits: 2 }), en: intl('en', { maximumFractionDigits: 2 }) };
    const euros = { fr: intl('fr', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }), en: intl('en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }) };
    const wholeEuros = { fr: intl('fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }), en: intl('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }) };
    fc.assert(
      fc.property(integers, fc.constantFrom(...LOCALES), (n, locale) => {
        expect(formatCount(n, locale)).to.equal(count[locale].format(n));
        expect(formatEurosAccessible(n, locale)).to.equal(`${twoDigits[locale].format(n)} ${plural(n, locale, 'euro', 'euros')}`);
        expect(formatEuros(n, locale)).to.equal(euros[locale].format(n));
        expect(formatWholeEuros(n, locale)).to.equal(wholeEuros[locale].format(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('compact euros, rounded or rounded down', () => {
    const compact = (locale: string, roundDown: boolean) => intl(locale, { notation: 'compact', maximumFractionDigits: 1, ...(roundDown ? { roundingMode: 'trunc' } : {}) } as Intl.NumberFormatOptions);
    const viaIntl = (n: number, locale: 'fr' | 'en', roundDown: boolean) => {
      const parts = compact(locale, roundDown).formatToParts(n);
      const number = parts.filter((p) => p.type !== 'compact' && p.type !== 'literal').map((p) => p.value).join('');
      const unit = parts.find((p) => p.type === 'compact')?.value ?? '';
      return locale === 'fr' ? `${number}\u00a0${unit}€` : `€${number}${unit}`;
    };
    fc.assert(
      fc.property(integers, fc.constantFrom(...LOCALES), fc.boolean(), (n, locale, roundDown) => {
        expect(formatEuros(n, locale, { compact: true, roundDown })).to.equal(viaIntl(n, locale, roundDown));
      }),
      { numRuns: 5000 },
    );
  });

  it('plural forms of whole numbers', () => {
    const rules = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };
    fc.assert(
      fc.property(integers, fc.constantFrom(...LOCALES), (n, locale) => {
        expect(isOne(n, locale)).to.equal(rules[locale].select(n) === 'one');
      }),
      { numRuns: 3000 },
    );
  });

  it('dates as precise as stated: year, month, day', () => {
    const date = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 31 }));
    fc.assert(
      fc.property(date, fc.constantFrom(...LOCALES), ([year, month, day], locale) => {
        const text = [String(year), ...(month ? [String(month).padStart(2, '0')] : []), ...(month && day ? [String(day).padStart(2, '0')] : [])].join('-');
        const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC', ...(month ? { month: 'long' } : {}), ...(month && day ? { day: 'numeric' } : {}) };
        const expected = new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year, (month || 1) - 1, (month && day) || 1)));
        expect(formatPartialDate(text, locale)).to.equal(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
