/** Has the browser download `text` as the CSV file `fileName`. */
export function downloadCsv(root: HTMLElement | DocumentFragment, text: string, fileName: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after `click()` returns: revoke it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
