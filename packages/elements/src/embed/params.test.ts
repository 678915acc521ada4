import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { EMBED_WIDGETS, providerAttributes, readEmbedParams, widgetAttributes } from './params.js';

describe('readEmbedParams (the iframe embed’s query string, untrusted)', () => {
  it('reads the widgets and the same attributes as the elements', () => {
    const options = readEmbedParams('?widgets=key-figures,territory-map,project-list&territory=region:44&axis=sante-1,sante-2&status=en-cours&q=pr%C3%A9vention&lang=en&theme=dark&links=blank');
    expect(options.widgets).to.deep.equal(['key-figures', 'territory-map', 'project-list']);
    expect(providerAttributes(options)).to.deep.equal([
      ['territory', 'region:44'],
      ['axis', 'sante-1,sante-2'],
      ['status', 'en-cours'],
      ['q', 'prévention'],
      ['lang', 'en'],
    ]);
    expect(options.theme).to.equal('dark');
    expect(options.links).to.equal('blank');
    expect(options.ignored).to.deep.equal([]);
    expect(widgetAttributes('territory-map', options)).to.deep.equal([
      ['level', 'department'],
      ['region', '44'],
    ]);
    expect(widgetAttributes('project-list', options)).to.deep.equal([]);
  });

  it('drops what is not on the list, and says why', () => {
    const options = readEmbedParams(
      '?widgets=project-list,script,<img>&territory=<b>&status=fini&src=javascript:alert(1)&lang=de&theme=pink&parent=javascript:x&onload=x&widgets=key-figures',
    );
    expect(options.widgets).to.deep.equal(['project-list']);
    expect(providerAttributes(options)).to.deep.equal([['lang', 'fr']]);
    expect(options.theme).to.equal('auto');
    expect(options.parents).to.deep.equal([]);
    const names = options.ignored.map((reason) => reason.split(' : ')[0]);
    expect(names).to.include.members(['widgets', 'territory', 'status', 'src', 'lang', 'theme', 'parent', 'onload']);
    expect(options.ignored.some((reason) => reason.includes('deux fois'))).to.equal(true);
  });

  it('takes an http data file only on an http page (a local test), never one with credentials', () => {
    expect(readEmbedParams('?src=http://localhost/d.json', 'https:').src).to.equal(undefined);
    expect(readEmbedParams('?src=http://localhost/d.json', 'http:').src).to.equal('http://localhost/d.json');
    expect(readEmbedParams('?src=https://user:pw@example.org/d.json').src).to.equal(undefined);
    expect(readEmbedParams('?src=https://www.example.org/d.json').src).to.equal('https://www.example.org/d.json');
  });

  it('property: whatever the query string, only listed widgets and well-formed values come out', () => {
    const names = fc.constantFrom('widgets', 'territory', 'axis', 'status', 'q', 'src', 'lang', 'theme', 'links', 'parent', 'x', 'onload');
    fc.assert(
      fc.property(fc.array(fc.tuple(names, fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...EMBED_WIDGETS))), { maxLength: 12 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [name, value] of pairs) params.append(name, value);
        const options = readEmbedParams(params);
        expect(options.widgets.every((w) => (EMBED_WIDGETS as readonly string[]).includes(w))).to.equal(true);
        expect(new Set(options.widgets).size).to.equal(options.widgets.length);
        expect(['fr', 'en']).to.include(options.lang);
        expect(['auto', 'light', 'dark']).to.include(options.theme);
        expect(['top', 'blank', 'self']).to.include(options.links);
        if (options.territory !== undefined) expect(options.territory).to.match(/^[a-z:]*[0-9A-Za-z][0-9A-Za-z_-]*$/);
        if (options.src !== undefined) expect(options.src).to.match(/^https:\/\//);
        if (options.q !== undefined) expect(options.q).not.to.match(/[\u0000-\u001f]/); // eslint-disable-line no-control-regex
        for (const origin of options.parents) expect(origin).to.match(/^https?:\/\/[^/]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
