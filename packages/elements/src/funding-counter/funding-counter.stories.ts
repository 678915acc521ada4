import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { makeStale, serveStoryData } from '../../test/story-data.js';
import '../define/funding-counter.js';
import '../define/provider.js';

interface Args {
  src: string;
  territory: string;
  year: number | undefined;
  funder: string;
  open: boolean;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-funding-counter',
  component: 'cnr-funding-counter',
  args: { src: '', territory: '', year: undefined, funder: '', open: false },
  argTypes: {
    src: { control: 'text', description: 'Dataset URL; empty: the embedded dataset' },
    territory: { control: 'text', description: 'Territory id with its kind (`region:44`, `departement:57`)' },
    year: { control: 'number', description: 'Year of the fundings' },
    funder: { control: 'text', description: 'Funder (« ARS Grand Est »)' },
    open: { control: 'boolean', description: 'Funders and sources shown' },
  },
  beforeEach: serveStoryData,
  render: (args) =>
    html`<cnr-funding-counter
      src=${args.src || nothing}
      territory=${args.territory || nothing}
      year=${args.year ?? nothing}
      funder=${args.funder || nothing}
      ?open=${args.open}
    ></cnr-funding-counter>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Every health and education funding of the embedded dataset. */
export const Embedded: Story = {};

/** Grand Est: the ARS's 1 M€ of FIR in 2023. */
export const GrandEst: Story = { args: { territory: 'region:44' } };

/** PACA: « plus de 2,9 M€ », a minimum, with the funders and sources open. */
export const LowerBound: Story = { args: { territory: 'region:93', open: true } };

/** No funding record for the selection. */
export const NoData: Story = { args: { territory: 'departement:57' } };

/** Funding records whose amounts add up to 0 €: not the same as no data. */
export const Zero: Story = {
  args: { src: '/cnr-story/linked.json' },
  render: (args) => html`<cnr-provider src=${args.src} axis="sante-2"><cnr-funding-counter ?open=${args.open}></cnr-funding-counter></cnr-provider>`,
};

export const CustomLabel: Story = {
  args: { territory: 'region:44' },
  render: (args) =>
    html`<cnr-funding-counter territory=${args.territory}><span slot="label">Soutien de l’ARS Grand Est</span></cnr-funding-counter>`,
};

export const Loading: Story = { args: { src: '/cnr-story/hang.json' } };

export const ErrorState: Story = { args: { src: '/cnr-story/missing.json' } };

export const Stale: Story = {
  args: { src: '/cnr-story/stale.json' },
  beforeEach: () => makeStale('/cnr-story/stale.json'),
};
