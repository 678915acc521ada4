// The virtual module of bench/lib/build.mjs: registers the elements named in
// `?tags=` that exist and build, and says why the others are missing.
declare module 'virtual:cnr-bench-elements?*' {
  export const included: string[];
  export const missing: Record<string, string>;
}
