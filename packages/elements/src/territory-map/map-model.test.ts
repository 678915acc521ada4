import type { Territory } from '@cnr-widgets/sdk';
import { formatCount } from '../i18n/format.js';
import { isOne } from '../i18n/plural.js';
import { countText, valueText } from '../i18n/territory-map.js';
import { expect } from '@open-wc/testing';
import { findTerritory, legendClasses, mapItems, memoize, resolveSelection, type MapData } from './map-model.js';

const territory = (kind: Territory['kind'], code: string, name: string, extra: Partial<Territory> = {}): Territory =>
  ({ id: `${kind}:${code}`, kind, code, name, ...extra }) as Territory;

const list: Territory[] = [
  territory('region', '44', 'Grand Est'),
  territory('departement', '44', 'Loire-Atlantique', { parent: 'region:52' }),
  territory('departement', '88', 'Vosges', { parent: 'region:44' }),
  territory('departement', '2A', 'Corse-du-Sud', { parent: 'region:94' }),
  territory('commune', '88160', 'Épinal', { parent: 'departement:88' }),
];

describe('map model', () => {
  it('finds a territory the way the SDK reads ids: kinded ids in any case, bare codes région first', () => {
    expect(findTerritory(list, 'departement:44')?.name).to.equal('Loire-Atlantique');
    expect(findTerritory(list, 'DEPARTEMENT:2a')?.name).to.equal('Corse-du-Sud');
    expect(findTerritory(list, '44')?.name).to.equal('Grand Est');
    expect(findTerritory(list, '88160')?.name).to.equal('Épinal');
    expect(findTerritory(list, 'canton:44')?.name).to.equal(undefined);
    expect(findTerritory(list, '99')?.name).to.equal(undefined);
  });

  it('places a commune in its département and région', () => {
    const selection = resolveSelection('commune:88160', list, undefined, (id) => id);
    expect({ kind: selection.kind, name: selection.name, departments: [...selection.departments], regions: [...selection.regions] }).to.deep.equal({
      kind: 'commune',
      name: 'Épinal',
      departments: ['88'],
      regions: ['44'],
    });
    expect(resolveSelection('epci:200000000', [], undefined, () => 'EPCI 200000000').name).to.equal('EPCI 200000000');
  });

  it('colours by quantile classes, dots every other class, and builds the legend as ranges that follow each other', () => {
    const rows = new Map(
      [
        ['44', 0],
        ['52', 1],
        ['53', 4],
        ['75', 9],
      ].map(([code, projects]) => [code as string, { code: code as string, name: String(code), projects: projects as number, funding: 0, fundingKnown: false }]),
    ) as unknown as MapData['rows'];
    const items = mapItems(undefined, { rows, stale: false, problems: [] }, 'region', undefined, 'projects');
    expect(items.map((item) => `${item.code}:${item.tone}`)).to.deep.equal(['44:zero', '52:c1', '53:c3', '75:c5']);
    expect(items.map((item) => item.dotted === true)).to.deep.equal([false, false, true, false]);
    // A count: every whole number from 1 has its class.
    expect(legendClasses(items, 'projects')).to.deep.equal([
      { tone: 'c1', dotted: false, low: 1, high: 1 },
      { tone: 'c3', dotted: true, low: 2, high: 4 },
      { tone: 'c5', dotted: false, low: 5, high: 9 },
    ]);
    // An amount: the least and greatest drawn.
    expect(legendClasses(items, 'funding').map((c) => [c.low, c.high])).to.deep.equal([
      [1, 1],
      [4, 4],
      [9, 9],
    ]);
  });

  it('computes again only when an input changes', () => {
    let runs = 0;
    const items = memoize((a: object, b: string) => {
      runs++;
      return [a, b];
    });
    const input = {};
    const first = items(input, 'x');
    expect(items(input, 'x') === first).to.equal(true);
    expect(runs).to.equal(1);
    items({}, 'x');
    items({}, 'y');
    expect(runs).to.equal(3);
  });

  it('writes counts as formatCount does, without Intl below 1 000, and their plural as Intl.PluralRules does', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const n of [0, 1, 2, 6, 12, 999, 1000, 1100, 25_000, 1.5]) expect(countText(n, locale), `${n} ${locale}`).to.equal(formatCount(n, locale));
      for (const n of [0, 1, 2, 6]) {
        const words = valueText(n, 'projects', locale);
        expect(words.endsWith(isOne(n, locale) ? (locale === 'fr' ? 'projet' : 'project') : locale === 'fr' ? 'projets' : 'projects'), words).to.equal(true);
      }
    }
  });
});
