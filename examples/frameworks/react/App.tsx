// The CNR elements in React 19: React sets properties on custom elements
// (`pageSize={6}`, `selectable`) and adds listeners for `on<event>` props
// (`oncnr-filter-change`). The generated typings make the tags type-check.
import { useState } from 'react';
import type {} from '@cnr-widgets/elements/jsx';
import type { CnrFilterChangeEvent, CnrProjectSelectEvent } from '@cnr-widgets/elements';

interface LastEvent {
  type: string;
  /** Which element fired it. */
  from: string;
  detail: unknown;
}

function describe(event: LastEvent): string {
  if (event.type === 'cnr-project-select') return `Projet choisi : ${(event.detail as { id: string }).id}.`;
  const { territory, axes, q } = event.detail as CnrFilterChangeEvent['detail'];
  const parts = [
    territory ? `territoire ${territory}` : 'toute la France',
    axes?.length ? `axes ${axes.join(', ')}` : 'tous les axes',
    q ? `recherche « ${q} »` : undefined,
  ].filter(Boolean);
  return `Filtres : ${parts.join(', ')}.`;
}

export function App() {
  const [last, setLast] = useState<LastEvent>();
  const [selected, setSelected] = useState<string>();

  const onFilterChange = (event: CnrFilterChangeEvent) => {
    setLast({ type: event.type, from: (event.target as Element).localName, detail: event.detail });
  };
  const onProjectSelect = (event: CnrProjectSelectEvent) => {
    setLast({ type: event.type, from: (event.target as Element).localName, detail: event.detail });
    setSelected(event.detail.id);
  };

  return (
    <main id="contenu" tabIndex={-1}>
      <h1>CNR Widgets dans une page React 19</h1>
      <p>
        Les éléments sont reliés par <code>&lt;cnr-provider territory="region:44"&gt;</code>. Cherchez un projet ou choisissez « Voir le projet » :
        la page React reçoit les événements.
      </p>

      <cnr-provider territory="region:44">
        <div className="grid">
          <section aria-labelledby="react-axes">
            <h2 id="react-axes">Axes</h2>
            <cnr-axis-filter oncnr-filter-change={onFilterChange} />
            <h2>Financements</h2>
            <cnr-funding-counter />
          </section>
          <section aria-labelledby="react-projets">
            <h2 id="react-projets">Projets du Grand Est</h2>
            <cnr-project-list
              pageSize={6}
              headingLevel={3}
              selectable
              oncnr-filter-change={onFilterChange}
              oncnr-project-select={onProjectSelect}
            />
          </section>
        </div>
      </cnr-provider>

      <section className="event-log" aria-labelledby="react-evenement">
        <h2 id="react-evenement">Dernier événement</h2>
        <p role="status" data-testid="event-summary">
          {last ? `${last.type} (de <${last.from}>) — ${describe(last)}` : 'Aucun événement pour l’instant.'}
        </p>
        {last && <pre data-testid="event-detail">{JSON.stringify(last.detail, null, 2)}</pre>}
      </section>

      {selected && (
        <section aria-labelledby="react-fiche">
          <h2 id="react-fiche">Projet choisi</h2>
          <cnr-project-card projectId={selected} variant="full" headingLevel={3} />
        </section>
      )}
    </main>
  );
}
