/** Serves `root` on 127.0.0.1 (a free port): its files, `index.html` for a folder, 404 outside it. */
export function serveStatic(root: string): Promise<{ origin: string; close: () => Promise<void> }>;
