// An editable combobox with a list popup (WAI-ARIA APG « combobox with list
// autocomplete »): the input keeps DOM focus, the active option is given by
// aria-activedescendant, the list is a role="listbox".
//
// Keyboard: typing filters the list; ↓/↑ open it and move through the
// options (wrapping); Alt+↓ opens it; Enter chooses the active option (or the
// first match); Escape closes the list, or, closed, restores the chosen
// value; Tab leaves (the text reverts to the chosen option if it was not
// chosen). A polite live region says how many options match.

export interface ComboboxOption {
  /** Unique among the options. */
  value: string;
  /** The text shown in the list and, once chosen, in the input. */
  label: string;
  /** Extra text matched by the filter (codes, kind). */
  keywords?: string;
}

export interface ComboboxElements {
  input: HTMLInputElement;
  listbox: HTMLElement;
  /** A polite live region for the number of matches. */
  status: HTMLElement;
}

/** Lower case, without accents or punctuation differences, for matching. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class Combobox {
  private options: ComboboxOption[] = [];
  private matches: ComboboxOption[] = [];
  private active = -1;
  private selected: ComboboxOption | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly idPrefix: string;

  constructor(
    private readonly elements: ComboboxElements,
    private readonly onChange: (value: string) => void,
  ) {
    const { input, listbox } = elements;
    this.idPrefix = `${listbox.id}-option-`;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.autocomplete = 'off';
    listbox.setAttribute('role', 'listbox');
    listbox.hidden = true;

    input.addEventListener('input', () => this.filter(true));
    input.addEventListener('keydown', (event) => this.onKeydown(event));
    input.addEventListener('click', () => {
      if (listbox.hidden) this.open();
    });
    input.addEventListener('blur', () => {
      this.close();
      this.restore();
    });
    // Keep focus in the input while an option is clicked.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      const index = Number(option.dataset.index);
      const chosen = this.matches[index];
      if (chosen) this.choose(chosen);
    });
  }

  /** Replaces the options; keeps the chosen one when it is still there. */
  setOptions(options: ComboboxOption[], value?: string): void {
    this.options = options;
    const selected = options.find((o) => o.value === (value ?? this.selected?.value));
    this.selected = selected;
    this.restore();
    this.matches = options;
    this.render();
  }

  get value(): string | undefined {
    return this.selected?.value;
  }

  private filter(openList: boolean): void {
    const query = normalize(this.elements.input.value);
    const matches = query === '' ? this.options : this.options.filter((o) => normalize(`${o.label} ${o.keywords ?? ''}`).includes(query));
    // Options whose label starts with the query first, then the others, each in their order.
    const starts = matches.filter((o) => normalize(o.label).startsWith(query));
    this.matches = query === '' ? matches : [...starts, ...matches.filter((o) => !starts.includes(o))];
    this.active = -1;
    this.render();
    if (openList) this.open();
    this.announce();
  }

  private open(): void {
    const { input, listbox } = this.elements;
    if (this.matches.length === 0 && input.value === '') this.matches = this.options;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    const { input, listbox } = this.elements;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    this.active = -1;
    this.highlight();
  }

  private get isOpen(): boolean {
    return !this.elements.listbox.hidden;
  }

  /** Puts the chosen option's label back in the input. */
  private restore(): void {
    this.elements.input.value = this.selected?.label ?? '';
  }

  private choose(option: ComboboxOption): void {
    const changed = option.value !== this.selected?.value;
    this.selected = option;
    this.restore();
    this.close();
    this.matches = this.options;
    this.render();
    if (changed) this.onChange(option.value);
  }

  private move(delta: number): void {
    if (this.matches.length === 0) return;
    if (!this.isOpen) this.open();
    const count = this.matches.length;
    this.active = this.active === -1 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count;
    this.highlight();
  }

  private onKeydown(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) this.open();
        else this.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) this.close();
        else this.move(-1);
        break;
      case 'Enter': {
        if (!this.isOpen) return;
        event.preventDefault();
        const option = this.matches[this.active === -1 ? 0 : this.active];
        if (option) this.choose(option);
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (this.isOpen) this.close();
        this.restore();
        this.matches = this.options;
        this.render();
        break;
      default:
        break;
    }
  }

  private render(): void {
    const { listbox } = this.elements;
    const items = this.matches.map((option, index) => {
      const item = document.createElement('li');
      item.id = `${this.idPrefix}${index}`;
      item.setAttribute('role', 'option');
      item.dataset.index = String(index);
      item.dataset.value = option.value;
      item.setAttribute('aria-selected', String(option.value === this.selected?.value));
      item.textContent = option.label;
      return item;
    });
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'combobox-empty';
      empty.textContent = 'Aucun territoire ne correspond.';
      empty.setAttribute('aria-hidden', 'true');
      items.push(empty);
    }
    listbox.replaceChildren(...items);
    this.highlight();
  }

  private highlight(): void {
    const { input, listbox } = this.elements;
    for (const item of listbox.querySelectorAll<HTMLElement>('[role="option"]')) {
      item.classList.toggle('is-active', Number(item.dataset.index) === this.active);
    }
    if (this.active === -1) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const id = `${this.idPrefix}${this.active}`;
    input.setAttribute('aria-activedescendant', id);
    listbox.querySelector(`#${CSS.escape(id)}`)?.scrollIntoView({ block: 'nearest' });
  }

  private announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const n = this.matches.length;
      this.elements.status.textContent =
        n === 0 ? 'Aucun territoire ne correspond.' : `${n} territoire${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}.`;
    }, 400);
  }
}
