// Races and teardown: attributes changed twice quickly while the data is on
// its way (the fault middleware delays it), then the element removed. The
// earlier work is aborted — the SDK calls, and the downloads nobody needs any
// more — only the latest data renders, and nothing is logged or rejected.
import { expect, html } from '@open-wc/testing';
import type { CnrClient } from '../../../packages/sdk/src/index.js';
import { clientFor } from '../../../packages/elements/src/base/clients.js';
import '../../../packages/elements/src/define/project-list.js';
import {
  browserName,
  describeWatch,
  faultStats,
  faultUrl,
  listCount,
  listLoaded,
  mount,
  pause,
  uid,
  watchPage,
  type PageWatch,
} from './helpers.js';

interface Recorded {
  url: string;
  signal: AbortSignal | undefined;
}

/** Records every fetch of the page with its signal. */
function recordFetches(): { fetches: Recorded[]; restore(): void } {
  const original = window.fetch;
  const fetches: Recorded[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    fetches.push({ url: request?.url ?? String(input), signal: init?.signal ?? request?.signal ?? undefined });
    return original(input, init);
  };
  return { fetches, restore: () => (window.fetch = original) };
}

/** Records the `projects` calls of a client with their filters and signals. */
function recordProjectCalls(client: CnrClient): { territory: string | undefined; signal: AbortSignal | undefined }[] {
  const calls: { territory: string | undefined; signal: AbortSignal | undefined }[] = [];
  const projects = client.projects.bind(client);
  (client as { projects: CnrClient['projects'] }).projects = (filters, query, options) => {
    calls.push({ territory: filters?.territory, signal: options?.signal });
    return projects(filters, query, options);
  };
  return calls;
}

/** Every count the list shows, sampled at each frame. */
function sampleCounts(list: Element): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>();
  let frame = 0;
  const tick = () => {
    seen.add(listCount(list));
    frame = requestAnimationFrame(tick);
  };
  tick();
  return { seen, stop: () => cancelAnimationFrame(frame) };
}

describe(`races and teardown (${browserName})`, function () {
  this.timeout(20_000);
  let watch: PageWatch;
  let recorder: ReturnType<typeof recordFetches>;
  let errorEvents: Event[];
  const onError = (event: Event) => errorEvents.push(event);

  beforeEach(() => {
    watch = watchPage();
    recorder = recordFetches();
    errorEvents = [];
    document.addEventListener('cnr-error', onError);
  });

  afterEach(() => {
    watch.stop();
    recorder.restore();
    document.removeEventListener('cnr-error', onError);
  });

  it('territory changed twice while loading: the earlier calls are aborted, only the latest data renders', async () => {
    const src = faultUrl('slow', uid('race-territory'), { delay: 1200 });
    const calls = recordProjectCalls(clientFor({ src }));
    const list = mount(html`<cnr-project-list src=${src} territory="57" page-size="20"></cnr-project-list>`);
    const counts = sampleCounts(list);
    await pause(100);
    list.setAttribute('territory', 'region:44');
    await pause(100);
    list.setAttribute('territory', '05');
    await listLoaded(list, '4 projets');
    await pause(200);
    counts.stop();
    // Only the Hautes-Alpes were ever shown: no flash of the Moselle (6) or of Grand Est (12).
    expect([...counts.seen].filter((count) => count !== ''), 'counts shown').to.deep.equal(['4 projets']);
    const byTerritory = (territory: string) => calls.filter((call) => call.territory === territory);
    expect(byTerritory('57').length, 'calls for 57').to.be.greaterThan(0);
    expect(byTerritory('57').every((call) => call.signal?.aborted), 'the 57 call aborted').to.equal(true);
    expect(byTerritory('region:44').every((call) => call.signal?.aborted), 'the Grand Est call aborted').to.equal(true);
    expect(byTerritory('05').at(-1)?.signal?.aborted, 'the latest call not aborted').to.equal(false);
    list.parentElement!.remove();
    expect(errorEvents.length, 'cnr-error events').to.equal(0);
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });

  it('src changed twice while loading: the earlier downloads are aborted on the network', async () => {
    const [a, b, c] = [uid('race-src-a'), uid('race-src-b'), uid('race-src-c')];
    const list = mount(html`<cnr-project-list src=${faultUrl('slow', a, { delay: 1500 })} page-size="20"></cnr-project-list>`);
    await pause(150);
    list.setAttribute('src', faultUrl('slow', b, { delay: 1500 }));
    await pause(150);
    list.setAttribute('src', faultUrl('slow', c, { delay: 300 }));
    await listLoaded(list, '20 projets');
    const [sa, sb, sc] = await Promise.all([faultStats(a), faultStats(b), faultStats(c)]);
    expect(sa, 'first source').to.include({ requests: 1, aborted: 1, completed: 0 });
    expect(sb, 'second source').to.include({ requests: 1, aborted: 1, completed: 0 });
    expect(sc, 'latest source').to.include({ requests: 1, aborted: 0, completed: 1 });
    const signals = recorder.fetches.filter((f) => f.url.includes('/__faults/slow') && (f.url.includes(a) || f.url.includes(b)));
    expect(signals.length).to.equal(2);
    expect(signals.every((f) => f.signal?.aborted)).to.equal(true);
    list.parentElement!.remove();
    expect(errorEvents.length, 'cnr-error events').to.equal(0);
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });

  it('changed twice, then removed: nothing renders, nothing is logged, nothing rejects', async () => {
    const id = uid('race-remove');
    const src = faultUrl('slow', id, { delay: 800 });
    const calls = recordProjectCalls(clientFor({ src }));
    const list = mount(html`<cnr-project-list src=${src} territory="57"></cnr-project-list>`);
    await pause(100);
    list.setAttribute('territory', '88');
    await pause(50);
    list.setAttribute('territory', '05');
    await pause(50);
    list.parentElement!.remove();
    await pause(1200);
    expect(calls.length).to.be.greaterThan(0);
    expect(calls.every((call) => call.signal?.aborted), 'every projects call aborted').to.equal(true);
    expect(listCount(list), 'no data rendered after removal').to.equal('');
    expect(errorEvents.length, 'cnr-error events').to.equal(0);
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });

  it('removed while loading: its download is aborted on the network', async () => {
    const id = uid('race-remove-network');
    const list = mount(html`<cnr-project-list src=${faultUrl('slow', id, { delay: 800 })}></cnr-project-list>`);
    await pause(150);
    list.parentElement!.remove();
    await pause(1200);
    const stats = await faultStats(id);
    expect(stats, JSON.stringify(stats)).to.include({ requests: 1, aborted: 1, completed: 0 });
  });

  it('moved in the page while loading: it loads again and renders', async () => {
    const src = faultUrl('slow', uid('race-move'), { delay: 400 });
    const list = mount(html`<cnr-project-list src=${src} territory="05"></cnr-project-list>`);
    await pause(100);
    const other = document.createElement('section');
    document.body.append(other);
    other.append(list);
    await listLoaded(list, '4 projets');
    other.remove();
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });
});
