/**
 * `embed-resize.js`: the optional one-line script a host page adds next to
 * its `<iframe>`s of `embed.html` so that each takes the height of its content
 * (docs/embed.md). Classic script, no import, no global:
 *
 *   <script src="https://cdn.jsdelivr.net/npm/@cnr-widgets/elements@0.1.0/dist/cdn/embed-resize.js" integrity="sha384-…" crossorigin="anonymous" async></script>
 *
 * It handles the frames whose `src` is the `embed.html` next to this script
 * (same CDN, same version): it sends each `{ type: 'cnr-embed:hello' }` with
 * the frame's origin as target (at once, and again on each load), and accepts
 * `{ type: 'cnr-embed:height', height }` only from that frame's window and
 * origin; every other message is ignored.
 */
import { HEIGHT, HELLO } from './params.js';

const script = document.currentScript as HTMLScriptElement | null;
const page = new URL('embed.html', script?.src ?? location.href);
const MAX_HEIGHT = 20_000;
const known = new WeakSet<HTMLIFrameElement>();

function isEmbed(frame: HTMLIFrameElement): boolean {
  try {
    const url = new URL(frame.src, location.href);
    return url.origin === page.origin && url.pathname === page.pathname;
  } catch {
    return false;
  }
}

function hello(frame: HTMLIFrameElement): void {
  frame.contentWindow?.postMessage({ type: HELLO }, page.origin);
}

/** Whether the frame holds its page already (not the initial `about:blank`, which has this page's origin). */
function loaded(frame: HTMLIFrameElement): boolean {
  const doc = frame.contentDocument;
  return doc === null || doc.URL !== 'about:blank';
}

function watch(frame: HTMLIFrameElement): void {
  if (known.has(frame) || !isEmbed(frame)) return;
  known.add(frame);
  frame.addEventListener('load', () => hello(frame));
  if (loaded(frame)) hello(frame);
}

function scan(): void {
  for (const frame of document.querySelectorAll('iframe')) watch(frame);
}

addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== page.origin) return;
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== HEIGHT) return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source || !isEmbed(frame)) continue;
    frame.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(height))}px`;
  }
});

scan();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
