import { createClient, type CnrClient } from '@cnr-widgets/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../define/provider.js';
import '../define/territory-map.js';
import type { TerritoryMapLevel, TerritoryMapMetric } from './territory-map.component.js';

interface Args {
  level: TerritoryMapLevel;
  region: string;
  metric: TerritoryMapMetric;
  thematique: 'sante' | 'education';
  src: string;
  tableOpen: boolean;
  /** Initial territory filter of the surrounding provider (`region:44`, `tds:hauts-de-france-hainaut`). */
  territory: string;
  client: CnrClient | undefined;
}

const meta: Meta<Args> = {
  title: 'Éléments/cnr-territory-map',
  component: 'cnr-territory-map',
  args: { level: 'region', region: '', metric: 'projects', thematique: 'sante', src: '', tableOpen: false, territory: '', client: undefined },
  argTypes: {
    level: { control: 'inline-radio', options: ['region', 'department'] },
    region: {
      control: 'select',
      options: ['', '01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'],
    },
    metric: { control: 'inline-radio', options: ['projects', 'funding', 'participants', 'propositions'] },
    thematique: { control: 'inline-radio', options: ['sante', 'education'] },
    src: { control: 'text' },
    tableOpen: { control: 'boolean' },
    territory: { control: 'text' },
    client: { table: { disable: true } },
  },
  render: (args) => html`<cnr-provider territory=${args.territory || nothing}>
    <div style="max-width: 48rem">
      <cnr-territory-map
        level=${args.level}
        region=${args.region || nothing}
        metric=${args.metric}
        thematique=${args.thematique}
        src=${args.src || nothing}
        ?table-open=${args.tableOpen}
        .client=${args.client}
      ></cnr-territory-map>
    </div>
  </cnr-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Regions: Story = {};

export const Departments: Story = { args: { level: 'department' } };

export const RegionZoom: Story = { name: 'Région zoomed (Grand Est)', args: { level: 'department', region: '44' } };

export const OverseasRegion: Story = { name: 'Overseas région (Guyane)', args: { region: '03' } };

export const Funding: Story = { args: { metric: 'funding' } };

export const FundingByDepartment: Story = { args: { level: 'department', metric: 'funding' } };

export const Participants: Story = { args: { metric: 'participants' } };

export const Propositions: Story = { args: { metric: 'propositions' } };

export const Selected: Story = { args: { territory: 'region:44' } };

/** An ARS page: its région zoomed and selected by default. Escape does not clear it; « Toute la France » does. */
export const ArsDefault: Story = { name: 'ARS default (Grand Est zoomed and selected)', args: { level: 'department', region: '44', territory: 'region:44' } };

/** A région selected on the départements' map: outlined once. */
export const RegionOnDepartments: Story = { name: 'Région selected on the départements', args: { level: 'department', territory: 'region:44' } };

/** A 375 px phone: the toolbar under a long territory name. */
export const Narrow: Story = {
  name: 'Narrow column, long name',
  args: { level: 'department', territory: 'tds:hauts-de-france-metropole-flandres' },
  render: (args, context) => html`<div style="max-width: 343px">${meta.render!(args, context)}</div>`,
};

/** A lower max height (`--cnr-territory-map-max-height: 20rem`). */
export const MaxHeight: Story = {
  name: 'Max height 20rem',
  args: { level: 'department' },
  render: (args, context) => html`<div style="--cnr-territory-map-max-height: 20rem">${meta.render!(args, context)}</div>`,
};

export const TerritoireDeDemocratieSanitaire: Story = {
  name: 'TDS splitting the Nord',
  args: { level: 'department', territory: 'tds:hauts-de-france-hainaut', tableOpen: true },
};

export const TableOpen: Story = { args: { tableOpen: true, metric: 'funding' } };

export const Loading: Story = {
  args: { client: { ...createClient(), breakdown: () => new Promise(() => {}) } },
};

export const LoadError: Story = { name: 'Error', args: { src: '/does-not-exist/cnr-dataset.json' } };

export const Stale: Story = {
  args: {
    client: (() => {
      const base = createClient();
      return { ...base, breakdown: async (...call: Parameters<CnrClient['breakdown']>) => ({ ...(await base.breakdown(...call)), stale: true }) };
    })(),
  },
};
