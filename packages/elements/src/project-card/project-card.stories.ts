import type { Project } from '@cnr-widgets/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/project-card.js';

const project: Project = {
  id: 'story-project',
  thematique: 'sante',
  title: 'Téléconsultation assistée par une infirmière',
  porteurs: ['Centre hospitalier'],
  axes: ['sante-1'],
  territories: ['departement:88'],
  status: 'en-cours',
  source: { document: 'doc', excerpt: 'extrait' },
};

interface Args {
  project: Project;
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-project-card',
  component: 'cnr-project-card',
  args: { project, headingLevel: 3 },
  render: (args) =>
    html`<cnr-project-card .project=${args.project} heading-level=${args.headingLevel}></cnr-project-card>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const WithoutStatus: Story = {
  args: { project: { ...project, status: undefined } },
};
