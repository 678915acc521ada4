import { createClient, type CnrClient } from '@cnr-widgets/sdk';
import { generateDataset } from '@cnr-widgets/sdk/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import withProblems from '../../test/fixtures/list-problems.json';
import '../define/project-list.js';
import '../define/provider.js';

const embedded = createClient();

/** A source that never answers: the loading skeleton. */
const hanging: CnrClient = { ...embedded, projects: () => new Promise(() => undefined) };

/** A source whose answers are marked stale (its last refresh failed). */
const stale: CnrClient = {
  ...embedded,
  projects: async (filters, query, options) => ({
    ...(await embedded.projects(filters, query, options)),
    stale: true,
  }),
};

let large: CnrClient | undefined;
/** 10 000 synthetic projects (made up; never use them as data). */
const largeClient = () => (large ??= createClient({ src: generateDataset({ projects: 10_000 }) }));

interface Args {
  territory: string;
  axis: string;
  status: string;
  thematique: string;
  q: string;
  src: string;
  pageSize: number;
  cardVariant: 'compact' | 'full';
  headingLevel: number;
  sort: 'title' | 'date' | 'amount';
  selectable: boolean;
  showProblems: boolean;
  client: CnrClient | undefined;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-project-list',
  component: 'cnr-project-list',
  args: {
    territory: '',
    axis: '',
    status: '',
    thematique: 'sante',
    q: '',
    src: '',
    pageSize: 12,
    cardVariant: 'compact',
    headingLevel: 3,
    sort: 'title',
    selectable: false,
    showProblems: false,
    client: undefined,
  },
  argTypes: {
    territory: { control: 'text', description: 'Territory id with its kind (`departement:88`, `region:44`)' },
    axis: { control: 'text', description: 'Comma-separated axis ids' },
    status: { control: 'text', description: 'Comma-separated statuses (`en-cours,realise`)' },
    thematique: { control: 'select', options: ['sante', 'education', 'all'] },
    q: { control: 'text', description: 'Initial search' },
    src: { control: 'text', description: 'Dataset URL; empty: the embedded dataset' },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    cardVariant: { control: 'inline-radio', options: ['compact', 'full'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    sort: { control: 'select', options: ['title', 'date', 'amount'] },
    selectable: { control: 'boolean', description: 'Cards get « Voir le projet » (cnr-project-select)' },
    showProblems: { control: 'boolean', description: 'A producer’s preview: the notice of the records left out (show-problems)' },
    client: { control: false },
  },
  render: (args) =>
    html`<cnr-project-list
      territory=${args.territory || undefined}
      axis=${args.axis || undefined}
      status=${args.status || undefined}
      thematique=${args.thematique || undefined}
      q=${args.q || undefined}
      src=${args.src || undefined}
      page-size=${args.pageSize}
      card-variant=${args.cardVariant}
      heading-level=${args.headingLevel}
      sort=${args.sort}
      ?selectable=${args.selectable}
      ?show-problems=${args.showProblems}
      .client=${args.client}
    ></cnr-project-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The embedded dataset, both thématiques: 26 projects on three pages. */
export const Default: Story = { args: { thematique: 'all' } };

/** Inside `<cnr-provider territory="departement:88">`: the six Vosges projects. */
export const InProvider: Story = {
  render: (args) =>
    html`<cnr-provider territory="departement:88">
      <cnr-project-list ?selectable=${args.selectable} card-variant=${args.cardVariant}></cnr-project-list>
    </cnr-provider>`,
};

export const Search: Story = { args: { q: 'prevention' } };

export const FullCards: Story = { args: { territory: 'departement:05', cardVariant: 'full', selectable: true } };

export const Loading: Story = { args: { client: hanging } };

/** Nothing matches: the filters to relax are named, each with a button. */
export const Empty: Story = { args: { territory: 'departement:88', status: 'en-cours' } };

/** The source answers 404. */
export const SourceError: Story = { args: { src: '/cnr-story/absent-404.json' } };

export const Stale: Story = { args: { client: stale } };

/** A source with records left out by validation: visitors see the valid records only (the report goes to the console and `cnr-problems`). */
export const Problems: Story = { args: { client: createClient({ src: withProblems }) } };

/** The same source in a producer's preview (`show-problems`): the records left out, listed on demand. */
export const ProblemsPreview: Story = { args: { client: createClient({ src: withProblems }), showProblems: true } };

/** 10 000 projects: one page fetched and rendered at a time. */
export const TenThousand: Story = {
  args: { thematique: 'all' },
  render: (args) => html`<cnr-project-list thematique=${args.thematique} .client=${largeClient()}></cnr-project-list>`,
};

export const Narrow: Story = {
  args: { thematique: 'all' },
  render: (args) => html`<div style="width: 320px"><cnr-project-list thematique=${args.thematique}></cnr-project-list></div>`,
};
