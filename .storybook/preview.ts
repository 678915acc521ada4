import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { withLocale } from './locale';

// Each element's docs page (attributes, properties, events, slots, parts, CSS
// properties) comes from the manifest generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    // The French guide first, its English version next, then the elements.
    options: { storySort: { order: ['Bien démarrer', 'Getting started (English)', '*'] } },
  },
  globalTypes: {
    locale: {
      description: 'Langue des composants / Component language',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr' },
  decorators: [withLocale],
};

export default preview;
