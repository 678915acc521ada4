import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/index.js';

interface Args {
  territory: string;
  axis: string;
  status: string;
  thematique: string;
}

/**
 * `<cnr-provider>` shows nothing itself: it links the widgets inside it (and
 * those that name it with `provider="<id>"`) to one source and one filter state.
 */
const meta: Meta<Args> = {
  title: 'Éléments/cnr-provider',
  component: 'cnr-provider',
  args: { territory: 'region:44', axis: '', status: '', thematique: 'sante' },
  argTypes: {
    thematique: { control: 'select', options: ['sante', 'education'] },
    status: { control: 'select', options: ['', 'en-reflexion', 'en-projet', 'en-cours', 'realise'] },
  },
  render: (args) => html`
    <cnr-provider territory=${args.territory} axis=${args.axis} status=${args.status} thematique=${args.thematique}>
      <div style="display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))">
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-key-figures></cnr-key-figures>
      </div>
      <cnr-territory-map level="department" region="44"></cnr-territory-map>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Grand Est: the map, the list and the counters follow one filter state. */
export const LinkedWidgets: Story = {};

/** A widget elsewhere on the page joins the provider through its id. */
export const ProviderById: Story = {
  render: () => html`
    <cnr-provider id="story-provider" territory="departement:57"></cnr-provider>
    <p>Le compteur ci-dessous est hors du fournisseur, relié par <code>provider="story-provider"</code>.</p>
    <cnr-funding-counter provider="story-provider"></cnr-funding-counter>
    <cnr-project-list provider="story-provider"></cnr-project-list>
  `,
};
