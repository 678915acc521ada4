// Type test of @cnr-widgets/elements/jsx with React 19 (tsc -p types): checked, never run.
import type {} from '@cnr-widgets/elements/jsx';
import type { CnrFilterChangeEvent } from '@cnr-widgets/elements';

export const page = (
  <cnr-provider territory="region:44" axis="sante-1" sync-url className="cnr">
    <cnr-axis-filter multiple oncnr-filter-change={(event) => onFilters(event)} />
    <cnr-project-list territory="region:44" page-size="24" card-variant="full" oncnr-project-select={(event) => event.detail.id} />
    <cnr-project-card headingLevel={3} />
  </cnr-provider>
);

function onFilters(event: CnrFilterChangeEvent): string | undefined {
  return event.detail.territory;
}

// @ts-expect-error -- `territory` is an INSEE code, a string.
export const notANumber = <cnr-project-list territory={44} />;

// @ts-expect-error -- `card-variant` is `compact` or `full`.
export const unknownVariant = <cnr-project-list card-variant="huge" />;

// @ts-expect-error -- not a property of <cnr-project-list>.
export const unknownProperty = <cnr-project-list notAProperty="x" />;

// @ts-expect-error -- the listener receives a CnrFilterChangeEvent, not a string.
export const wrongListener = <cnr-axis-filter oncnr-filter-change={(event: string) => event} />;
