// GENERATED FILE — do not edit. Regenerate with:
//   node packages/elements/scripts/extract-geometry.mjs
/** [x, y, width, height] in the map's SVG user space. */
export type GeneratedBox = readonly [number, number, number, number];
/** [x, y, width, height, labelX, labelY]. */
export type GeneratedShapeBox = readonly [number, number, number, number, number, number];
export declare const SOURCE: { readonly package: string; readonly version: string; readonly license: string; readonly copyright: string };
export declare const VIEWBOX: GeneratedBox;
export declare const METRO_BOX: GeneratedBox;
/** [département code, région code, inset box] */
export declare const INSETS: ReadonlyArray<readonly [string, string, GeneratedBox]>;
/** [code, name, box, d] */
export declare const REGIONS: ReadonlyArray<readonly [string, string, GeneratedShapeBox, string]>;
/** [code, name, région code, box, d] */
export declare const DEPARTMENTS: ReadonlyArray<readonly [string, string, string, GeneratedShapeBox, string]>;
