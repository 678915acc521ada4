/** A widget of the page and the blank at its bottom once it shows its data (CSS pixels). */
export interface WidgetBlank {
  tag: string;
  /** Its rank among the widgets of the same tag on the page. */
  index: number;
  height: number;
  blank: number;
}

/** Runs in the page (puppeteer's `page.evaluate(measureBlank)`): `row` is one row of cards. */
export function measureBlank(): { row: number; widgets: WidgetBlank[] };
