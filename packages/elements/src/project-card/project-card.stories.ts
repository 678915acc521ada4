import { createClient, type CnrClient, type Project } from '@cnr-widgets/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import full from '../../test/fixtures/list-full.json';
import '../define/project-card.js';
import '../define/provider.js';

/** The fixture document (documents, territories, axes, fundings) as the card's source. */
const client = createClient({ src: full });
const fullProject = full.projects.find((p) => p.id === 'p-full') as Project;

/** A source that never answers: the loading state. */
const hanging: CnrClient = { ...client, project: () => new Promise(() => undefined) };

const word = 'Anticonstitutionnellement'.repeat(200);

interface Args {
  project: Project | undefined;
  projectId: string;
  variant: 'full' | 'compact';
  headingLevel: number;
  selectable: boolean;
  src: string;
  client: CnrClient | undefined;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-project-card',
  component: 'cnr-project-card',
  args: { project: fullProject, projectId: '', variant: 'full', headingLevel: 3, selectable: false, src: '', client },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, description: 'Level of the title heading' },
    selectable: { control: 'boolean', description: 'Shows « Voir le projet » (fires cnr-project-select)' },
    projectId: { control: 'text', description: 'Loads this project when no `project` is given' },
    src: { control: 'text', description: 'Dataset URL; empty: the provider’s or the embedded dataset' },
    project: { control: false },
    client: { control: false },
  },
  render: (args) =>
    html`<div style="max-width: 40rem">
      <cnr-project-card
        .project=${args.project}
        .client=${args.client}
        project-id=${args.projectId || undefined}
        src=${args.src || undefined}
        variant=${args.variant}
        heading-level=${args.headingLevel}
        ?selectable=${args.selectable}
      ></cnr-project-card>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Every field, names looked up in the source, objectives collapsed behind « Lire plus ». */
export const Full: Story = {};

export const Compact: Story = { args: { variant: 'compact' } };

export const Selectable: Story = { args: { selectable: true } };

/** Only the required fields: no status, axis, partner, objective or known document. */
export const MissingOptionalFields: Story = {
  args: { project: full.projects.find((p) => p.id === 'p-unknown-doc') as Project },
};

/** HTML, scripts, a 5 000-character word and an RTL override, shown as inert text in a 320 px column. */
export const HostileText: Story = {
  args: {
    project: {
      ...fullProject,
      title: `<img src=x onerror="alert(1)"> ${word}`,
      porteurs: ['\u202Eporteur retourné', '<script>alert(2)</script>'],
      objectifs: [word],
    },
  },
  render: (args) =>
    html`<div style="width: 320px"><cnr-project-card .project=${args.project} .client=${args.client}></cnr-project-card></div>`,
};

/** `project-id` resolved through the embedded dataset. */
export const ById: Story = {
  args: { project: undefined, client: undefined, projectId: 'vosges-chambre-pedagogique' },
};

/** `project-id` resolved through an enclosing provider. */
export const ByIdInProvider: Story = {
  render: () =>
    html`<cnr-provider>
      <cnr-project-card project-id="hautes-alpes-offre-sante-itinerante"></cnr-project-card>
    </cnr-provider>`,
};

export const Loading: Story = { args: { project: undefined, client: hanging, projectId: 'p-full' } };

export const NotFound: Story = { args: { project: undefined, projectId: 'projet-inexistant' } };

/** The source answers 404: error and retry. */
export const SourceError: Story = {
  args: { project: undefined, client: undefined, projectId: 'p-full', src: '/cnr-story/absent-404.json' },
};
