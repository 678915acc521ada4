// Test-runner command `accessibility-tree`: the page's accessibility tree as
// Chromium computes it for screen readers (CDP `Accessibility.getFullAXTree`),
// flattened to the nodes a reader meets: { role, name, description }, in tree
// order, ignored nodes left out. Accessible names are what a screen reader says
// for a control (« Lire plus les objectifs de … »), computed by the browser
// itself from the text, the visually hidden spans, aria-label(ledby)… — the
// only way to see whether words run together or a space goes missing.
// Firefox ESR (WebDriver BiDi) and WebKitGTK (WebKitWebDriver) expose no such
// tree to the test runner: the command answers { supported: false, reason }
// there, and the tests say so in their names.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function accessibilityTreePlugin() {
  const sessions = new Map();
  return {
    name: 'accessibility-tree',
    async executeCommand({ command, session }) {
      if (command !== 'accessibility-tree') return undefined;
      try {
        const page = session.browser.getPage(session.id);
        let cdp = sessions.get(session.id);
        if (!cdp) {
          cdp = await page.createCDPSession();
          await cdp.send('Accessibility.enable');
          sessions.set(session.id, cdp);
        }
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byId = new Map(nodes.map((node) => [node.nodeId, node]));
        const root = nodes.find((node) => !node.parentId) ?? nodes[0];
        /** @type {{ role: string, name: string, description: string }[]} */
        const flat = [];
        const visit = (node) => {
          if (!node) return;
          if (!node.ignored) {
            flat.push({
              role: String(node.role?.value ?? ''),
              name: String(node.name?.value ?? ''),
              description: String(node.description?.value ?? ''),
            });
          }
          for (const child of node.childIds ?? []) visit(byId.get(child));
        };
        visit(root);
        return { supported: true, nodes: flat };
      } catch (error) {
        if (process.env.DEBUG_AX_TREE) console.error('accessibility-tree:', error);
        return { supported: false, reason: `${session.browser.name}: no accessibility tree through its driver` };
      }
    },
  };
}
