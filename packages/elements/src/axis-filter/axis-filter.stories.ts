import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { makeStale, serveStoryData } from '../../test/story-data.js';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/provider.js';

interface Args {
  multiple: boolean;
  src: string;
  territory: string;
  thematique: string;
  label: string;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-axis-filter',
  component: 'cnr-axis-filter',
  args: { multiple: false, src: '', territory: '', thematique: 'sante', label: '' },
  argTypes: {
    multiple: { control: 'boolean', description: 'Checkboxes instead of radio buttons' },
    src: { control: 'text', description: 'Dataset URL; empty: the embedded dataset' },
    territory: { control: 'text', description: 'Counts for this territory only' },
    thematique: { control: 'select', options: ['sante', 'education'] },
    label: { control: 'text', description: 'Legend of the group' },
  },
  beforeEach: serveStoryData,
  render: (args) =>
    html`<cnr-axis-filter
      ?multiple=${args.multiple}
      src=${args.src || nothing}
      territory=${args.territory || nothing}
      thematique=${args.thematique || nothing}
      label=${args.label || nothing}
    ></cnr-axis-filter>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The embedded dataset: no project is tied to an axis, and the filter says so. */
export const Embedded: Story = {};

export const WithCounts: Story = { args: { src: '/cnr-story/linked.json' } };

export const Multiple: Story = { args: { src: '/cnr-story/linked.json', multiple: true } };

export const Loading: Story = { args: { src: '/cnr-story/hang.json' } };

export const ErrorState: Story = { args: { src: '/cnr-story/missing.json' } };

export const Stale: Story = {
  args: { src: '/cnr-story/stale.json' },
  beforeEach: () => makeStale('/cnr-story/stale.json'),
};

/** A provider links the filter, the funding counter and the key figures. */
export const Linked: Story = {
  args: { src: '/cnr-story/linked.json' },
  render: (args) => html`<cnr-provider src=${args.src}>
    <div style="display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr))">
      <cnr-axis-filter ?multiple=${args.multiple}></cnr-axis-filter>
      <div style="display:grid;gap:1.5rem;align-content:start">
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-key-figures territory="region:44"></cnr-key-figures>
      </div>
    </div>
  </cnr-provider>`,
};

/**
 * No project of the selection (here the projects « en réflexion ») is tied to an axis:
 * the filter says so once, offers no choice, and offers to remove the axis the page set.
 */
export const NoneInSelection: Story = {
  args: { src: '/cnr-story/linked.json' },
  render: (args) => html`<cnr-provider src=${args.src} status="en-reflexion" axis="sante-3-former">
    <cnr-axis-filter></cnr-axis-filter>
  </cnr-provider>`,
};
