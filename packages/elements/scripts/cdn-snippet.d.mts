/** The content of `dist/cdn/integrity.json`, written by scripts/sri.mjs. */
export interface CdnIntegrity {
  package: string;
  version: string;
  algorithm: 'sha384';
  /** The file the script tag loads, relative to `base`: `cnr-widgets.js`. */
  entry: string;
  /** Default URL of the dist/cdn/ folder (jsDelivr, this version). */
  base: string;
  /** Every JavaScript file of dist/cdn/, relative to `base`, and its integrity (`sha384-…`). */
  files: Record<string, string>;
  /** The iframe embed's files (`embed.js`, `embed-resize.js`, `embed.css`) and their integrity; not in the snippet's import map. */
  embed?: Record<string, string>;
  /** Raw and gzipped sizes of each file, in bytes. */
  sizes?: Record<string, { raw: number; gzip: number }>;
}

export interface CdnSnippetOptions {
  /** URL of the dist/cdn/ folder (default: `integrity.base`). */
  base?: string;
  /** The page's CSP nonce, put on the import map. */
  nonce?: string;
  /** HTML to put after the scripts, e.g. `<cnr-project-list territory="57"></cnr-project-list>`. */
  element?: string;
  /** Add an explanatory HTML comment (default false). */
  comment?: boolean;
}

/** Default CDN URL of a version's dist/cdn/ folder (jsDelivr). */
export function defaultBase(version: string): string;
/** The import map's text, exactly as the snippet writes it between the tags. */
export function importMapText(integrity: CdnIntegrity, base?: string): string;
/** The snippet: the import map with every file's integrity, then the module script with its own. */
export function cdnSnippet(integrity: CdnIntegrity, options?: CdnSnippetOptions): string;
/** `'sha256-…'`: the CSP `script-src` source that allows the import map without a nonce. */
export function cspHash(integrity: CdnIntegrity, base?: string): Promise<string>;
/** `script-src 'sha256-…' https://cdn.jsdelivr.net`: the CSP directive that allows the snippet without a nonce. */
export function cspLine(integrity: CdnIntegrity, base?: string): Promise<string>;
