import { messages as axisFilterMessages } from './en/axis-filter.js';
import { messages as deducedMessages } from './en/deduced.js';
import { FIELD_NAMES as deducedFieldsFIELD_NAMES } from './en/deduced-fields.js';
import { messages as failuresMessages } from './en/failures.js';
import { messages as fundingCounterMessages } from './en/funding-counter.js';
import { LABELS as keyFiguresLABELS, MEETINGS as keyFiguresMEETINGS, messages as keyFiguresMessages } from './en/key-figures.js';
import { messages as projectCardMessages } from './en/project-card.js';
import { messages as projectListMessages } from './en/project-list.js';
import { messages as statesMessages, subjects as statesSubjects } from './en/states.js';
import { messages as territoryMapMessages } from './en/territory-map.js';
import { messages as unattributedMessages, METRIC_WORDS as unattributedMETRIC_WORDS } from './en/unattributed.js';

/**
 * Every English text table, by i18n module and export. The CDN build makes
 * this a chunk of its own that only English pages fetch (english-lazy.ts,
 * vite.cdn.config.ts `lazyEnglish()`); elsewhere the i18n modules import
 * their `en/` tables directly.
 */
export const ENGLISH: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'axis-filter': { messages: axisFilterMessages },
  deduced: { messages: deducedMessages },
  'deduced-fields': { FIELD_NAMES: deducedFieldsFIELD_NAMES },
  failures: { messages: failuresMessages },
  'funding-counter': { messages: fundingCounterMessages },
  'key-figures': { LABELS: keyFiguresLABELS, MEETINGS: keyFiguresMEETINGS, messages: keyFiguresMessages },
  'project-card': { messages: projectCardMessages },
  'project-list': { messages: projectListMessages },
  states: { messages: statesMessages, subjects: statesSubjects },
  'territory-map': { messages: territoryMapMessages },
  unattributed: { messages: unattributedMessages, METRIC_WORDS: unattributedMETRIC_WORDS },
};
