/**
 * Lists inside one CSV cell: items separated by `|`, written ` | `.
 * In an item, `\|` stands for a `|` and `\\` for a `\`; any other `\` is
 * kept as typed (so `C:\dossier` reads as written). Items are trimmed and
 * empty items dropped when read.
 */

export const LIST_SEPARATOR = ' | ';

export function escapeListItem(item: string): string {
  return item.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

export function joinList(items: readonly string[]): string {
  return items.map(escapeListItem).join(LIST_SEPARATOR);
}

export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\') {
      const next = cell[i + 1];
      if (next === '\\' || next === '|') {
        current += next;
        i++;
        continue;
      }
      current += c;
    } else if (c === '|') {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
