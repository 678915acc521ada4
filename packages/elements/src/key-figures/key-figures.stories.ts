import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { makeStale, serveStoryData } from '../../test/story-data.js';
import '../define/key-figures.js';

interface Args {
  src: string;
  territory: string;
  phase: string;
  metrics: string;
  sourcesOpen: boolean;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-key-figures',
  component: 'cnr-key-figures',
  args: { src: '', territory: 'region:44', phase: 'acte-1', metrics: '', sourcesOpen: false },
  argTypes: {
    src: { control: 'text', description: 'Dataset URL; empty: the embedded dataset' },
    territory: { control: 'text', description: 'Territory id with its kind (`region:44`, `departement:57`)' },
    phase: { control: 'text', description: 'Phase (`acte-1`…); empty: each figure from its latest report' },
    metrics: { control: 'text', description: 'Comma-separated metrics; empty: all' },
    sourcesOpen: { control: 'boolean', description: 'Source passages shown' },
  },
  beforeEach: serveStoryData,
  render: (args) =>
    html`<cnr-key-figures
      src=${args.src || nothing}
      territory=${args.territory || nothing}
      phase=${args.phase || nothing}
      metrics=${args.metrics || nothing}
      ?sources-open=${args.sourcesOpen}
    ></cnr-key-figures>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Grand Est, first act: « 44 dialogues territoriaux », « plus de 1 100 participants ». */
export const GrandEst: Story = {};

export const WithSources: Story = { args: { sourcesOpen: true } };

/** Each figure from its latest report. */
export const LatestReports: Story = { args: { phase: '' } };

/** PACA, with its départements: projets réalisés and en cours. */
export const Paca: Story = { args: { territory: 'region:93', phase: '' } };

export const ChosenMetrics: Story = { args: { metrics: 'participants,propositions' } };

export const Empty: Story = { args: { territory: 'region:11', phase: '' } };

export const Loading: Story = { args: { src: '/cnr-story/hang.json' } };

export const ErrorState: Story = { args: { src: '/cnr-story/missing.json' } };

export const Stale: Story = {
  args: { src: '/cnr-story/stale.json', phase: '' },
  beforeEach: () => makeStale('/cnr-story/stale.json'),
};
