import { createApp } from 'vue';
// Defines every <cnr-…> element. vite.config.ts tells Vue's compiler that
// cnr-* tags are custom elements (compilerOptions.isCustomElement).
import '@cnr-widgets/elements/all.js';
import App from './App.vue';

createApp(App).mount('#app');
