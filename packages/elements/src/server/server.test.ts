// renderWidgetHTML in Node: what each widget's HTML says, its JSON island,
// escaping of hostile data and attributes, and clear errors. How a browser
// shows it (no script, hydration) is tested by examples/test/static-html.test.ts.
import { createClient } from '@cnr-widgets/sdk';
import { generateDataset } from '@cnr-widgets/sdk/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { islandHTML } from '../base/prerender.js';
import { cspStyleHashes, renderWidgetHTML } from './index.js';

/** The text a reader gets: no styles, scripts, comments nor tags; spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The JSON island's state. */
function island(html: string): { v: number; data: unknown } {
  const json = /<script type="application\/json" data-cnr-prerendered>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('no island');
  return JSON.parse(json) as { v: number; data: unknown };
}

describe('renderWidgetHTML', () => {
  test('the list: a declarative shadow root with its styles, the cards with the names of their territories, and its island', async () => {
    const html = await renderWidgetHTML('cnr-project-list', { territory: 'departement:57' });
    expect(html).toMatch(/^<cnr-project-list territory="departement:57"[^>]*><template [^>]*shadowrootmode="open"><style>/);
    const words = text(html);
    expect(words).toContain('6 projets');
    expect(words).toContain('Bus mobile dentaire');
    // Names, not ids: the cards had their names before rendering.
    expect(words).toContain('Territoire Metz Métropole');
    expect(words).not.toContain('epci:');
    // Each card its own shadow root, to hydrate after the list.
    expect(html.match(/<cnr-project-card[^>]* defer-hydration><template [^>]*shadowrootmode="open">/g)).toHaveLength(6);
    const state = island(html) as { v: number; data: { answer: { data: { total: number } }; labels: { territories: [string, unknown][] } } };
    expect(state.v).toBe(1);
    expect(state.data.answer.data.total).toBe(6);
    // Only the names the page's projects cite.
    expect(state.data.labels.territories.map(([id]) => id)).toContain('epci:200039865');
    expect(state.data.labels.territories.length).toBeLessThan(20);
  });

  test('the key figures, the counter and the map (SVG and table), in English with lang', async () => {
    const figures = text(await renderWidgetHTML('cnr-key-figures', { territory: 'departement:57' }, { lang: 'en' }));
    expect(figures).toContain('Moselle');
    expect(figures).toMatch(/about 100 participants/);
    const counter = await renderWidgetHTML('cnr-funding-counter', { territory: 'region:44' });
    expect(text(counter)).toMatch(/Financements identifiés .*M€/);
    expect(island(counter).data).toMatchObject({ none: false, stale: false });
    const map = await renderWidgetHTML('cnr-territory-map', { level: 'department', region: '44', 'table-open': true });
    expect(map).toContain('<p class="visually-hidden" id="map-title">');
    expect(text(map)).toMatch(/Carte des départements de la région Grand Est\s:\snombre de projets/);
    expect(map).toMatch(/aria-label="Moselle\s:\s6 projets"/);
    expect(text(map)).toMatch(/Moselle 57 6 projets/);
    // No style attribute, which a strict CSP blocks.
    expect(map).not.toMatch(/ style="/);
  });

  test('hostile data stays text: no markup, and no string can close the island', async () => {
    const dataset = generateDataset({ projects: 2, seed: 7 });
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> \u2028';
    dataset.projects[0]!.title = hostile;
    const client = createClient({ src: dataset });
    const html = await renderWidgetHTML('cnr-project-list', { territory: dataset.projects[0]!.territories[0] }, { client });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // One script element only — the island — and its JSON gives the title back as it was.
    expect(html.match(/<script/g)).toHaveLength(1);
    const state = island(html) as { data: { answer: { data: { items: { title: string }[] } } } };
    expect(state.data.answer.data.items.map((item) => item.title)).toContain(hostile);
  });

  test('attributes are escaped; bad names, unknown tags and unloadable data are clear errors', async () => {
    const html = await renderWidgetHTML('cnr-funding-counter', { territory: 'departement:57', funder: 'A "B" <C> & D', year: undefined, open: false });
    expect(html).toMatch(/^<cnr-funding-counter territory="departement:57" funder="A &quot;B&quot; &lt;C&gt; &amp; D">/);
    await expect(renderWidgetHTML('cnr-funding-counter', { 'on click': 'x' })).rejects.toThrow(/« on click » is not an attribute name/);
    await expect(renderWidgetHTML('cnr-axis-filter' as 'cnr-key-figures')).rejects.toThrow(/<cnr-axis-filter> is not rendered ahead of time/);
    // A source that cannot be read: the SDK's error, not a page without data.
    const failing = createClient({ src: 'http://127.0.0.1:9/cnr-dataset.json', retry: 0 });
    await expect(renderWidgetHTML('cnr-key-figures', {}, { client: failing })).rejects.toMatchObject({ name: 'CnrHttpError' });
  });

  test('cspStyleHashes: one sha256 source per distinct style element', async () => {
    const html = await renderWidgetHTML('cnr-project-list', { territory: 'departement:57' });
    const hashes = cspStyleHashes(html);
    // The list's styles and the cards' (the same for every card).
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});

describe('islandHTML', () => {
  test('property: any JSON data comes back as it was, and nothing in it can end the script element or open markup', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        const html = islandHTML({ v: 1, data });
        const open = '<script type="application/json" data-cnr-prerendered>';
        expect(html.startsWith(open) && html.endsWith('</script>')).toBe(true);
        const body = html.slice(open.length, -'</script>'.length);
        // No <, > nor & at all: no `</script`, no `<!--`, no character reference for the HTML parser to read.
        expect(body).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify({ v: 1, data })));
      }),
      { numRuns: 300 },
    );
  });
});
