// The embed configurator: options → live preview (the real elements, in a
// frame that loads the same script a partner's page loads) → the snippet to copy.
import '@gouvfr/dsfr/dist/dsfr.min.css';
import './configurator.css';
import { createClient, formatProblem, type Axis, type CnrClient, type Territory, type ValidationProblem } from '@cnr-widgets/sdk';
import elementsPackage from '@cnr-widgets/elements/package.json';
import { cspLine, type CdnIntegrity } from '../../packages/elements/scripts/cdn-snippet.mjs';
import { Combobox, type ComboboxOption } from './combobox';
import { HEIGHT, HELLO } from '../../packages/elements/src/embed/params';
import {
  FRAME_HEIGHTS,
  WIDGETS,
  accepts,
  dataFileUrl,
  elementMarkup,
  embedQuery,
  iframeSnippet,
  snippet,
  staticCommand,
  type FormChoice,
  type ConfiguratorOptions,
  type LanguageChoice,
  type ThemeChoice,
  type WidgetChoice,
} from './snippet';

const $ = <T extends Element>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`configurator: ${selector} is missing`);
  return element;
};

const form = $<HTMLFormElement>('#options');
const territoryInput = $<HTMLInputElement>('#territoire');
const code = $<HTMLElement>('#code');
const copyButton = $<HTMLButtonElement>('#copier');
const copyStatus = $<HTMLElement>('#copie-statut');
const integrityNote = $<HTMLElement>('#integrite-note');
const cspBlock = $<HTMLElement>('#csp-bloc');
const cspCode = $<HTMLElement>('#csp');
const frame = $<HTMLIFrameElement>('#apercu');
const embedFrame = $<HTMLIFrameElement>('#apercu-iframe');
const iframeCode = $<HTMLElement>('#code-iframe');
const staticCode = $<HTMLElement>('#code-statique');
const staticNote = $<HTMLElement>('#statique-note');
const formsFieldset = $<HTMLFieldSetElement>('#formes');
const resizeInput = $<HTMLInputElement>('#ajustement');
const srcInput = $<HTMLInputElement>('#fichier');
const srcGroup = $<HTMLElement>('#fichier-groupe');
const srcError = $<HTMLElement>('#fichier-erreur');
const previewCaption = $<HTMLElement>('#apercu-source');
const problemsPanel = $<HTMLElement>('#problemes');
const problemsSummary = $<HTMLElement>('#problemes-resume');
const problemsList = $<HTMLUListElement>('#problemes-liste');

/** The URL a partner's page loads; in the examples, an alias onto the elements' CDN entry (vite.config.ts). */
const CDN_SCRIPT = '/cdn/cnr-widgets.js';
const FRANCE = '';
const KIND_LABELS: Record<Territory['kind'], string> = {
  pays: 'pays',
  region: 'région',
  departement: 'département',
  tds: 'territoire de démocratie sanitaire',
  epci: 'intercommunalité',
  commune: 'commune',
};
const KIND_ORDER: Territory['kind'][] = ['region', 'departement', 'tds', 'epci', 'commune'];

let client: CnrClient = createClient();
/** The producer's data file (absolute URL) the preview reads; `undefined`: the reference dataset. */
let src: string | undefined;
let territories: Territory[] = [];
let integrity: CdnIntegrity | undefined = undefined;
let territoryId: string = FRANCE;

// ---------------------------------------------------------------- the form

function renderWidgetChoices(): void {
  const container = $<HTMLElement>('[data-widgets]');
  container.replaceChildren(
    ...(Object.keys(WIDGETS) as WidgetChoice[]).map((widget, index) => {
      const group = document.createElement('div');
      group.className = 'fr-radio-group';
      const input = Object.assign(document.createElement('input'), {
        type: 'radio',
        name: 'widget',
        value: widget,
        id: `widget-${widget}`,
        checked: index === 0,
      });
      const label = Object.assign(document.createElement('label'), { className: 'fr-label', htmlFor: input.id });
      label.append(WIDGETS[widget].label);
      const hint = Object.assign(document.createElement('span'), { className: 'fr-hint-text', textContent: WIDGETS[widget].hint });
      label.append(hint);
      group.append(input, label);
      return group;
    }),
  );
}

function renderAxes(axes: Axis[]): void {
  const container = $<HTMLElement>('[data-axes]');
  container.replaceChildren(
    ...axes
      .filter((axis) => axis.thematique === 'sante')
      .sort((a, b) => a.number - b.number)
      .map((axis) => {
        const group = document.createElement('div');
        group.className = 'fr-checkbox-group';
        const input = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'axis', value: axis.id, id: `axe-${axis.id}` });
        const label = Object.assign(document.createElement('label'), {
          className: 'fr-label',
          htmlFor: input.id,
          textContent: `Axe ${axis.number} — ${axis.shortLabel ?? axis.label}`,
        });
        group.append(input, label);
        return group;
      }),
  );
}

function territoryOptions(list: Territory[]): ComboboxOption[] {
  const collator = new Intl.Collator('fr');
  const sorted = list
    .filter((t) => KIND_ORDER.includes(t.kind))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || collator.compare(a.name, b.name));
  return [
    { value: FRANCE, label: 'Toute la France', keywords: 'france pays national' },
    ...sorted.map((t) => ({
      value: t.id,
      label: t.kind === 'tds' ? `${t.name} (${KIND_LABELS[t.kind]})` : `${t.name} (${KIND_LABELS[t.kind]}, ${t.code})`,
      keywords: `${t.code} ${KIND_LABELS[t.kind]}`,
    })),
  ];
}

function checked(name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);
}

function currentOptions(): ConfiguratorOptions {
  const widget = (checked('widget')[0] ?? 'list') as WidgetChoice;
  const accepted = accepts(widget);
  return {
    widget,
    src,
    territory: territories.find((t) => t.id === territoryId),
    axes: accepted.axes ? checked('axis') : [],
    statuses: accepted.statuses ? checked('status') : [],
    theme: (checked('theme')[0] ?? 'auto') as ThemeChoice,
    language: (checked('language')[0] ?? 'fr') as LanguageChoice,
  };
}

/** Disables, with a visible reason, the options the chosen widget does not take. */
function updateApplicable(widget: WidgetChoice): void {
  const accepted = accepts(widget);
  for (const [fieldset, note, on] of [
    ['#axes', '#axes-note', accepted.axes],
    ['#statuts', '#statuts-note', accepted.statuses],
  ] as const) {
    const set = $<HTMLFieldSetElement>(fieldset);
    set.disabled = !on;
    $<HTMLElement>(note).hidden = on;
    if (on) set.removeAttribute('aria-describedby');
    else set.setAttribute('aria-describedby', note.slice(1));
  }
}

// ---------------------------------------------------------------- preview and snippet

const frameReady = new Promise<Document>((resolve) => {
  frame.addEventListener(
    'load',
    () => {
      const doc = frame.contentDocument!;
      const view = frame.contentWindow as (Window & typeof globalThis) | null;
      // The body's own height (not the document's, which is at least the frame's): the frame can shrink too.
      const fit = () => {
        frame.style.height = `${Math.max(160, Math.ceil(doc.body.getBoundingClientRect().height))}px`;
      };
      if (view) new view.ResizeObserver(fit).observe(doc.body);
      resolve(doc);
    },
    { once: true },
  );
});

frame.srcdoc = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Aperçu du widget</title>
<style>
  html { color-scheme: light dark; }
  body { margin: 0; padding: 1rem; font-family: system-ui, sans-serif; background: #fff; color: #161616; }
  html[data-fr-theme='dark'] body { background: #161616; color: #cecece; }
  @media (prefers-color-scheme: dark) { html:not([data-fr-theme]) body { background: #161616; color: #cecece; } }
  body > * { display: block; margin-block-end: 1.5rem; }
</style>
<script type="module" src="${CDN_SCRIPT}"></script>
</head>
<body></body>
</html>`;

let previewed = '';

async function updatePreview(markup: string, theme: ThemeChoice): Promise<void> {
  const doc = await frameReady;
  if (theme === 'auto') doc.documentElement.removeAttribute('data-fr-theme');
  else doc.documentElement.setAttribute('data-fr-theme', theme);
  // Replace the widgets only when their markup changed (a theme change keeps them).
  if (markup !== previewed) {
    previewed = markup;
    doc.body.innerHTML = markup;
  }
}

/** The chosen form of the code: script (recommended), iframe, static HTML. */
function currentForm(): FormChoice {
  return (formsFieldset.querySelector<HTMLInputElement>('input[name="forme"]:checked')?.value ?? 'script') as FormChoice;
}

/** The code element of a form's panel. */
function codeOf(form: FormChoice): HTMLElement {
  return form === 'iframe' ? iframeCode : form === 'static' ? staticCode : code;
}

// The iframe form's preview: the embed page from source (examples/cdn/embed.html), sized as a host page would size it —
// by the resize protocol (the same messages as embed-resize.js, same origin here) when the option is on, else fixed.
let embedPreviewed = '';
addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin || event.source !== embedFrame.contentWindow || !resizeInput.checked) return;
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (data?.type === HEIGHT && typeof data.height === 'number' && Number.isFinite(data.height)) embedFrame.style.height = `${Math.ceil(data.height)}px`;
});
embedFrame.addEventListener('load', () => {
  if (resizeInput.checked) embedFrame.contentWindow?.postMessage({ type: HELLO }, location.origin);
});

function updateEmbedPreview(options: ConfiguratorOptions): void {
  const url = `/cdn/embed.html?${embedQuery(options)}`;
  if (!resizeInput.checked) embedFrame.style.height = `${FRAME_HEIGHTS[options.widget]}px`;
  if (url !== embedPreviewed) {
    embedPreviewed = url;
    embedFrame.src = url;
  } else if (resizeInput.checked) {
    embedFrame.contentWindow?.postMessage({ type: HELLO }, location.origin);
  }
}

function update(): void {
  const options = currentOptions();
  const form = currentForm();
  updateApplicable(options.widget);
  const markup = elementMarkup(options, territories);
  const result = snippet(markup, options.theme, integrity, elementsPackage.version);
  code.textContent = result.text;
  code.dataset.integrity = String(result.integrity);
  iframeCode.textContent = iframeSnippet(options, integrity, elementsPackage.version, resizeInput.checked);
  staticCode.textContent = staticCommand(options, territories);
  for (const panel of document.querySelectorAll<HTMLElement>('[data-form]')) panel.hidden = panel.dataset.form !== form;
  copyStatus.textContent = '';
  frame.hidden = form === 'iframe';
  embedFrame.hidden = form !== 'iframe';
  previewCaption.textContent = previewText(form);
  if (form === 'iframe') updateEmbedPreview(options);
  else void updatePreview(markup, options.theme);
}

/** The caption of the preview, for the chosen form and data file. */
function previewText(form: FormChoice): string {
  const data = src === undefined ? 'sur le jeu de données de référence' : `sur votre fichier (${src}) et le jeu de données de référence`;
  if (form === 'iframe') return `La page d’intégration, dans une iframe, ${data}, telle qu’elle s’affichera dans votre page.`;
  if (form === 'static') return `Le widget vivant, ${data}. Le HTML statique affiche le même contenu, sans recherche ni filtres.`;
  return `Les vrais widgets, ${data}, tels qu’ils s’afficheront dans votre page.`;
}

async function loadIntegrity(): Promise<CdnIntegrity | undefined> {
  try {
    const response = await fetch('/cdn/integrity.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const json = (await response.json()) as Partial<CdnIntegrity>;
    return typeof json.entry === 'string' && json.files && typeof json.files[json.entry] === 'string' ? (json as CdnIntegrity) : undefined;
  } catch {
    return undefined;
  }
}

function showIntegrityNote(): void {
  integrityNote.textContent = integrity
    ? `Le code vérifie l’intégrité de chaque fichier (Subresource Integrity, version ${integrity.version}) : si un fichier était modifié sur le CDN, le navigateur refuserait de l’exécuter.`
    : 'L’empreinte d’intégrité (Subresource Integrity) est calculée par la construction de publication, qui n’est pas disponible sur ce serveur : le code ci-dessous charge la version publiée sans cette vérification. Reprenez-le depuis la version publiée pour l’obtenir.';
  integrityNote.classList.toggle('is-missing', !integrity);
}

// ---------------------------------------------------------------- the producer's file and its problems

/** What the panel says of the file: being read, read (with its problems), or not readable. */
let fileState: { kind: 'loading' } | { kind: 'read' } | { kind: 'failed'; message: string } = { kind: 'loading' };
/** The problems of the file, formatted (French), by key: the preview's widgets each report them. */
const problems = new Map<string, string>();

function problemKey(problem: ValidationProblem): string {
  return JSON.stringify([problem.collection, problem.index, problem.id, problem.path, problem.message.fr]);
}

function addProblems(list: readonly ValidationProblem[]): void {
  let added = false;
  for (const problem of list) {
    const key = problemKey(problem);
    if (problems.has(key)) continue;
    problems.set(key, formatProblem(problem, 'fr'));
    const item = document.createElement('li');
    item.dir = 'auto';
    item.textContent = problems.get(key)!;
    problemsList.append(item);
    added = true;
  }
  if (added) renderProblemsSummary();
}

/** Why the file could not be used, saying whose fault it is: the file's, or the server's. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  const unreadable = error.name === 'CnrDataError' || (error.name === 'CnrHttpError' && code === 'parse');
  return unreadable
    ? `Le fichier de données est illisible : ${error.message}`
    : `Le fichier n’a pas pu être téléchargé (adresse, serveur ou autorisation CORS) : ${error.message}`;
}

function renderProblemsSummary(): void {
  problemsPanel.hidden = src === undefined;
  problemsSummary.classList.toggle('is-error', fileState.kind === 'failed');
  problemsSummary.classList.add('problems-summary');
  if (fileState.kind === 'failed') {
    problemsSummary.textContent = fileState.message;
  } else if (fileState.kind === 'loading' && problems.size === 0) {
    problemsSummary.textContent = 'Lecture du fichier…';
  } else if (problems.size === 0) {
    problemsSummary.textContent = 'Aucun problème : tous les enregistrements du fichier sont valides.';
  } else {
    const n = problems.size;
    problemsSummary.textContent = `${n} problème${n > 1 ? 's' : ''} : les enregistrements valides sont affichés dans l’aperçu, les autres sont écartés ou incomplets.`;
  }
}

/** Reads the file field: the absolute URL, or `undefined` (empty or invalid, then said next to the field). */
function readSource(): string | undefined {
  const url = dataFileUrl(srcInput.value, location.href);
  const invalid = url === null;
  srcGroup.classList.toggle('fr-input-group--error', invalid);
  srcInput.classList.toggle('fr-input--error', invalid);
  if (invalid) srcInput.setAttribute('aria-invalid', 'true');
  else srcInput.removeAttribute('aria-invalid');
  srcInput.setAttribute('aria-describedby', invalid ? 'fichier-aide fichier-erreur' : 'fichier-aide');
  srcError.hidden = !invalid;
  return url ?? undefined;
}

/** The territories and axes of the source (the file's, over the reference), and the file's own report. */
async function loadSource(): Promise<void> {
  const current = client;
  try {
    const [territoryResult, axisResult, loaded] = await Promise.all([
      current.territories(),
      current.axes(),
      src === undefined ? undefined : current.load(),
    ]);
    if (current !== client) return;
    territories = territoryResult.data;
    combobox.setOptions(territoryOptions(territories), territoryId);
    const chosen = new Set(checked('axis'));
    renderAxes(axisResult.data);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="axis"]')) input.checked = chosen.has(input.value);
    fileState = { kind: 'read' };
    if (loaded) addProblems(loaded.problems);
  } catch (error) {
    if (current !== client) return;
    fileState = { kind: 'failed', message: describeFailure(error) };
  }
  renderProblemsSummary();
  update();
}

async function changeSource(): Promise<void> {
  const next = readSource();
  if (next === src) return;
  src = next;
  client = src === undefined ? createClient() : createClient({ src });
  problems.clear();
  problemsList.replaceChildren();
  fileState = { kind: 'loading' };
  renderProblemsSummary();
  update();
  await loadSource();
}

/** The preview's widgets report the problems of the file they read (`cnr-problems`) and their load failures (`cnr-error`). */
void frameReady.then((doc) => {
  doc.addEventListener('cnr-problems', (event) => {
    const detail = (event as CustomEvent<{ problems: readonly ValidationProblem[]; source: string | undefined }>).detail;
    if (src !== undefined && detail.source === src) addProblems(detail.problems);
  });
  doc.addEventListener('cnr-error', (event) => {
    const { error } = (event as CustomEvent<{ error: Error }>).detail;
    if (src === undefined || fileState.kind === 'failed') return;
    fileState = { kind: 'failed', message: describeFailure(error) };
    renderProblemsSummary();
  });
});

// ---------------------------------------------------------------- copy

async function copy(): Promise<void> {
  const shown = codeOf(currentForm());
  const text = shown.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Code copié dans le presse-papiers. Collez-le dans votre page.';
    copyStatus.classList.remove('is-error');
  } catch {
    // No clipboard access (permission, insecure context): select the code for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(shown);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    copyStatus.textContent = 'La copie automatique n’est pas possible ici : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).';
    copyStatus.classList.add('is-error');
  }
}

// ---------------------------------------------------------------- start

renderWidgetChoices();
const combobox = new Combobox(
  { input: territoryInput, listbox: $<HTMLElement>('#territoire-liste'), status: $<HTMLElement>('#territoire-statut') },
  (value) => {
    territoryId = value;
    update();
  },
);
combobox.setOptions(territoryOptions([]), FRANCE);
form.addEventListener('change', (event) => {
  if (event.target === srcInput) void changeSource();
  else if (event.target !== territoryInput) update();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Entrée dans le champ du fichier : le lire tout de suite.
  if (document.activeElement === srcInput) void changeSource();
});
staticNote.textContent =
  'Dans un terminal, dans le dossier de votre site, là où Node.js est installé : chaque commande écrit le HTML d’un widget (cnr-project-list.html…). Copiez son contenu dans votre page, ou laissez votre générateur de site l’y inclure.';
formsFieldset.addEventListener('change', () => update());
resizeInput.addEventListener('change', () => update());
copyButton.addEventListener('click', () => void copy());
update();

const [integrityResult] = await Promise.all([loadIntegrity(), loadSource()]);
integrity = integrityResult;
showIntegrityNote();
if (integrity) {
  // The CSP line (`script-src 'sha256-…' https://cdn.jsdelivr.net`): the import map's hash and the CDN's origin.
  cspCode.textContent = await cspLine(integrity);
  cspBlock.hidden = false;
}
update();
document.documentElement.dataset.ready = 'true';
