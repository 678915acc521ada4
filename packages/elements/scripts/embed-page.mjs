// The iframe embed page `dist/cdn/embed.html` (issue 18, docs/embed.md),
// written by scripts/sri.mjs from `integrity.json`: every file it loads
// carries its integrity (the stylesheet and the two module scripts by their
// `integrity` attribute, the widgets' chunks through the import map), and a
// meta Content-Security-Policy of its own allows nothing inline but that
// import map, by its hash. No inline script, no inline style.
import { cspHash, importMapText } from './cdn-snippet.mjs';

/** The embed's files (not in the snippet's import map): the page's script, the host's resize script, the page's styles. */
export const EMBED_FILES = ['embed.js', 'embed-resize.js', 'embed.css'];

/** The page's Content-Security-Policy, given the import map's hash. */
export function embedCsp(mapHash) {
  return [
    "default-src 'none'",
    `script-src 'self' ${mapHash}`,
    "style-src 'self'",
    // The reference dataset comes with the code ('self'); `src=` reads a producer's file over https.
    "connect-src 'self' https:",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The HTML of embed.html. `integrity`: the content of integrity.json, with
 * `embed` (the integrity of each of EMBED_FILES). URLs are relative: the page
 * lives in dist/cdn/, next to the files.
 */
export async function embedPage(integrity) {
  const base = './';
  const csp = embedCsp(await cspHash(integrity, base));
  const sri = (file) => {
    const value = integrity.embed?.[file] ?? integrity.files[file];
    if (!value) throw new Error(`embed page: no integrity for ${file}`);
    return value;
  };
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Données du CNR santé</title>
<base target="_top">
<link rel="stylesheet" href="./embed.css" integrity="${sri('embed.css')}" crossorigin="anonymous">
<script type="importmap">${importMapText(integrity, base)}</script>
<script type="module" src="./embed.js" integrity="${sri('embed.js')}" crossorigin="anonymous"></script>
<script type="module" src="./${integrity.entry}" integrity="${sri(integrity.entry)}" crossorigin="anonymous"></script>
</head>
<body>
<main id="cnr-embed"></main>
</body>
</html>
`;
}
