export interface ServeOptions {
  /** Rewrites each HTML file on its way out. */
  html?: (text: string, file: string) => string;
}
/** Serves `root` on 127.0.0.1 (a free port): its files, `index.html` for a folder, 404 outside it. */
export function serveStatic(root: string, options?: ServeOptions): Promise<{ origin: string; close: () => Promise<void> }>;
