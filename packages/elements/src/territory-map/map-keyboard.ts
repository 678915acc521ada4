import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TerritoryMapItem } from './map-model.js';

/** The map element, re-rendered when the focus, hover or tooltip change. */
export interface MapKeyboardHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the keyboard and pointer act on. */
export interface MapActions {
  /** The territories drawn, in INSEE code order. */
  mapItems(): readonly TerritoryMapItem[];
  /** Selects `item`, or unselects it when it is selected. */
  toggle(item: TerritoryMapItem): void;
}

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The nearest territory in an arrow's direction (centroids), the off-axis distance counting double. */
export function neighbour(items: readonly TerritoryMapItem[], from: TerritoryMapItem, dx: number, dy: number): TerritoryMapItem | undefined {
  const [x0, y0] = from.shape!.center;
  let best: TerritoryMapItem | undefined;
  let bestScore = Infinity;
  for (const item of items) {
    if (item === from || !item.shape) continue;
    const vx = item.shape.center[0] - x0;
    const vy = item.shape.center[1] - y0;
    const along = vx * dx + vy * dy;
    const off = Math.abs(vx * dy - vy * dx);
    // Within 45° of the arrow's direction only: no jump across the map.
    if (along <= 0 || off > along) continue;
    const score = along + 2 * off;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}

/** How long the tooltip stays on its territory while the pointer crosses others on its way to it (WCAG 1.4.13, hoverable). */
export const TOOLTIP_GRACE_MS = 300;

/**
 * The map's focus, hover and tooltip: one tab stop (roving `tabindex`), arrow
 * keys to the nearest territory in that direction, Home/End to the first and
 * last, Enter or Space to select (again: unselect).
 *
 * The tooltip meets WCAG 1.4.13 (RGAA 10.13): Escape dismisses it wherever the
 * focus is, and does nothing else (it never clears the selection: that is the
 * « Toute la France » button); the pointer can move onto it (crossing other
 * territories on the way: the tooltip stays {@link TOOLTIP_GRACE_MS} on its
 * territory, and for good once the pointer is on it); it stays until
 * dismissed, until the pointer leaves the map and the tooltip, or until the
 * focus moves.
 */
export class MapKeyboard implements ReactiveController {
  /** The territory holding the tab stop. */
  focusCode: string | undefined;
  /** Whether the focused territory shows its focus ring (keyboard focus). */
  focusRing = false;
  hoverCode: string | undefined;
  /** Escape hid the tooltip (WCAG 1.4.13); it shows again on the next move. */
  tooltipHidden = false;
  /** A hover change waiting for the grace delay: the pointer may be on its way to the tooltip. */
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: MapKeyboardHost,
    private readonly actions: MapActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeyDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeyDown);
    this.cancelPending();
  }

  /** The code of the territory the tooltip is about, if any. */
  get tooltipCode(): string | undefined {
    if (this.tooltipHidden) return undefined;
    return this.hoverCode ?? (this.focusRing ? this.focusCode : undefined);
  }

  private itemFromEvent(event: Event): TerritoryMapItem | undefined {
    const code = (event.target as Element | null)?.getAttribute?.('data-code');
    return code ? this.actions.mapItems().find((item) => item.code === code) : undefined;
  }

  readonly onClick = (event: MouseEvent): void => {
    const item = this.itemFromEvent(event);
    if (item) this.actions.toggle(item);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const item = this.itemFromEvent(event);
    if (!item) return;
    const items = this.actions.mapItems();
    let next: TerritoryMapItem | undefined;
    const direction = DIRECTIONS[event.key];
    if (direction) next = neighbour(items, item, ...direction) ?? item;
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.actions.toggle(item);
      return;
    } else return;
    event.preventDefault();
    if (next) void this.moveFocus(next.code);
  };

  /** Escape, wherever the focus is: hides the tooltip when one shows (a hovered territory's too), and nothing else. */
  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.tooltipCode === undefined) return;
    this.cancelPending();
    this.change(() => (this.tooltipHidden = true));
    // Consumed only when the focus is in the map: elsewhere the page's own Escape still runs.
    if (event.composedPath().includes(this.host as unknown as EventTarget)) event.preventDefault();
  };

  private async moveFocus(code: string): Promise<void> {
    this.change(() => (this.focusCode = code));
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<SVGElement>(`[data-code="${code}"]`)?.focus();
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target as Element;
    const code = target.getAttribute('data-code');
    if (!code) return;
    this.change(() => {
      this.focusCode = code;
      this.focusRing = target.matches(':focus-visible');
      this.tooltipHidden = false;
    });
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    if (!(event.relatedTarget as Element | null)?.hasAttribute?.('data-code')) this.change(() => (this.focusRing = false));
  };

  /** On the map's frame (the shapes and the tooltip). */
  readonly onPointerOver = (event: PointerEvent): void => {
    const target = event.target as Element;
    // On the tooltip: it stays on its territory.
    if (target.closest?.('.tooltip')) {
      this.cancelPending();
      return;
    }
    const code = target.getAttribute('data-code') ?? undefined;
    if (code === this.hoverCode) {
      this.cancelPending();
      return;
    }
    const apply = () =>
      this.change(() => {
        this.tooltipHidden = false;
        this.hoverCode = code;
      });
    this.cancelPending();
    // A tooltip showing for the pointer: the pointer may be crossing other shapes on its way to it.
    if (this.hoverCode !== undefined && !this.tooltipHidden) {
      this.pending = setTimeout(() => {
        this.pending = undefined;
        apply();
      }, TOOLTIP_GRACE_MS);
    } else apply();
  };

  /** The pointer left the map's frame (the shapes and the tooltip). */
  readonly onPointerLeave = (): void => {
    this.cancelPending();
    this.change(() => (this.hoverCode = undefined));
  };

  private cancelPending(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = undefined;
  }

  /** Applies a change of state and re-renders the map when it changed anything. */
  private change(apply: () => unknown): void {
    const before = [this.focusCode, this.focusRing, this.hoverCode, this.tooltipHidden].join('|');
    apply();
    if ([this.focusCode, this.focusRing, this.hoverCode, this.tooltipHidden].join('|') !== before) this.host.requestUpdate();
  }
}
