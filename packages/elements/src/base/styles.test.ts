import { expect } from '@open-wc/testing';
import type { CSSResultGroup } from 'lit';
import { CSSResult } from 'lit';
import * as classes from '../index.js';

function sheetsOf(styles: CSSResultGroup | undefined): CSSResult[] {
  if (styles === undefined) return [];
  if (Array.isArray(styles)) return styles.flatMap((s) => sheetsOf(s as CSSResultGroup));
  return styles instanceof CSSResult ? [styles] : [];
}

describe('element styles', () => {
  // A stylesheet that does not parse (e.g. an octal escape such as '\00a0' in a
  // css`` literal, whose cooked string is undefined) silently leaves an element unstyled.
  for (const [name, value] of Object.entries(classes)) {
    const styles = (value as { styles?: CSSResultGroup }).styles;
    if (typeof value !== 'function' || styles === undefined) continue;
    it(`${name}: every stylesheet parses to rules`, () => {
      for (const sheet of sheetsOf(styles)) {
        expect(sheet.cssText).to.not.contain('undefined');
        expect(sheet.styleSheet?.cssRules.length ?? 0, sheet.cssText.slice(0, 80)).to.be.greaterThan(0);
      }
    });
  }
});
