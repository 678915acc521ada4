// Type test of @cnr-widgets/elements/vue (tsc -p types): what Vue's template
// checker reads for <cnr-project-list territory="region:44" @cnr-project-select="…">.
import type { GlobalComponents } from 'vue';
import type {} from '@cnr-widgets/elements/vue';
import type { CnrProjectSelectEvent } from '@cnr-widgets/elements';

type ProjectList = InstanceType<GlobalComponents['cnr-project-list']>;

export const props: ProjectList['$props'] = { territory: 'region:44', 'page-size': 24, class: 'cnr' };

// @ts-expect-error -- `territory` is an INSEE code, a string.
export const notANumber: ProjectList['$props'] = { territory: 44 };

export function emit(emit: ProjectList['$emit'], event: CnrProjectSelectEvent): void {
  emit('cnr-project-select', event);
  // @ts-expect-error -- <cnr-project-list> fires no such event.
  emit('cnr-no-such-event', event);
}
