/**
 * `@cnr-widgets/elements/hydrate.js`: hydration of widgets rendered ahead of
 * time (`@cnr-widgets/elements/server`). Import it before the elements: a
 * widget whose declarative shadow root is already in the page then takes over
 * that markup — and the data of its JSON island — instead of rendering again.
 * The CDN autoloader loads it by itself, only on a page that has such a widget.
 *
 * Lit's `lit-element-hydrate-support` installs itself when LitElement is
 * evaluated after it; in a bundle where Lit comes first (the CDN's shared
 * chunk), it is installed here, once, before any element is defined.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type Install = (classes: { LitElement: typeof LitElement }) => void;

/** Installs the hydration support on LitElement unless it is already (the patch gives LitElement its own `observedAttributes`). */
export function installHydrateSupport(): void {
  if (Object.getOwnPropertyDescriptor(LitElement, 'observedAttributes')) return;
  (globalThis as { litElementHydrateSupport?: Install }).litElementHydrateSupport?.({ LitElement });
}

installHydrateSupport();
