// The ARS site's own code (not CNR Widgets): the DSFR styles and the theme
// switch. The widgets follow DSFR's `data-fr-theme` on <html> by themselves.
import '@gouvfr/dsfr/dist/dsfr.min.css';
import './ars-region.css';

type Scheme = 'light' | 'dark' | 'system';

const STORAGE_KEY = 'ars-ge-scheme';
const root = document.documentElement;
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function storedScheme(): Scheme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'light' || value === 'dark' || value === 'system') return value;
  } catch {
    // Storage disabled: follow the system.
  }
  return 'system';
}

function apply(scheme: Scheme): void {
  const dark = scheme === 'dark' || (scheme === 'system' && darkQuery.matches);
  root.setAttribute('data-fr-scheme', scheme);
  root.setAttribute('data-fr-theme', dark ? 'dark' : 'light');
}

let scheme = storedScheme();
apply(scheme);

const inputs = document.querySelectorAll<HTMLInputElement>('#theme-switch input[name="theme"]');
for (const input of inputs) {
  input.checked = input.value === scheme;
  input.addEventListener('change', () => {
    if (!input.checked) return;
    scheme = input.value as Scheme;
    apply(scheme);
    try {
      localStorage.setItem(STORAGE_KEY, scheme);
    } catch {
      // Not remembered; still applied.
    }
  });
}

darkQuery.addEventListener('change', () => {
  if (scheme === 'system') apply(scheme);
});
