import { expect } from '@open-wc/testing';
import { formatCount, formatDate, formatList, numberFormat } from './format.js';
import { plural } from './plural.js';
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
