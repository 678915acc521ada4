/** @jsxImportSource preact */
// Type test of @cnr-widgets/elements/jsx/preact (tsc -p types): checked, never run.
import type {} from '@cnr-widgets/elements/jsx/preact';

export const page = (
  <cnr-provider territory="region:44" sync-url class="cnr">
    <cnr-axis-filter oncnr-filter-change={(event) => event.detail.territory} />
    <cnr-project-list territory="region:44" heading-level={3} />
  </cnr-provider>
);

// @ts-expect-error -- `territory` is an INSEE code, a string.
export const notANumber = <cnr-project-list territory={44} />;
