import type { Plugin } from 'vite';

/** html/svg static text: the indentation of runs of whitespace holding a line break goes, the line breaks stay. */
export function minifyHtmlText(text: string): string;
/** css static text: comments dropped, whitespace squeezed, strings kept. */
export function minifyCssText(text: string): string;
/** The code with every html/svg/css tagged template's static text minified. */
export function minifyTemplatesIn(code: string): string;
/** Vite plugin: minifies the templates of @cnr-widgets/elements' own sources (CDN build). */
export function minifyTemplates(): Plugin;
