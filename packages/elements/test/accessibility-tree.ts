// Accessible names as Chromium computes them for screen readers, through the
// `accessibility-tree` test-runner command (tests/browser/commands/accessibility-tree.mjs).

import { runnerCommand } from './helpers.js';

export interface AxNode {
  role: string;
  name: string;
  description: string;
}

/** The page's accessibility tree, flattened (ignored nodes left out); `undefined` where the browser's driver exposes none (Firefox, WebKit). */
export async function accessibilityTree(): Promise<AxNode[] | undefined> {
  const answer = await runnerCommand<{ supported: boolean; nodes?: AxNode[] }>('accessibility-tree');
  return answer.supported ? answer.nodes : undefined;
}

/** Roles of what a reader activates: the names a screen reader lists and reads on Tab. */
export const CONTROL_ROLES = ['button', 'link', 'DisclosureTriangle', 'radio', 'checkbox', 'searchbox', 'textbox', 'combobox', 'table', 'group'];

/**
 * Names whose words run together or that a space breaks where a reader would not:
 * a letter glued to « or », a space before a comma or full stop, two spaces in a row.
 */
export function runTogether(nodes: readonly AxNode[]): string[] {
  return nodes
    .map((node) => node.name)
    .filter((name) => /[\p{L}\p{N}]«|»[\p{L}\p{N}]| [,.)]|\(\s|\s{2}/u.test(name));
}
