import '@cnr-widgets/elements/project-card.js';
import dataset from '@cnr-widgets/data';
import { parseDataset } from '@cnr-widgets/sdk';

// Walking skeleton: cards for the first projects of the embedded dataset.
const { dataset: data } = parseDataset(dataset);
const container = document.getElementById('projects')!;
for (const project of data.projects.slice(0, 6)) {
  const card = document.createElement('cnr-project-card');
  card.project = project;
  container.append(card);
}
