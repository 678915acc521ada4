// Single-file components, for TypeScript outside vue-tsc's own checking.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
