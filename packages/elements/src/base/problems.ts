import { formatProblem, type CnrClient, type ValidationProblem } from '@cnr-widgets/sdk';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CnrProblemsEvent } from '../events/events.js';
import { localeOf, type Locale } from '../i18n/locale.js';
import type { SourceController } from './source.js';
import { renderProblems } from './states.js';
import { problemsHeader } from '../i18n/states.js';

/**
 * The problems of a widget's data go to the producer of the data, not to its
 * visitors: the console (once per source and report), the `cnr-problems`
 * event, and — only with `show-problems` on the widget or its provider, for a
 * producer's preview — the notice listing them.
 */
export interface ProblemsHost extends ReactiveControllerHost, HTMLElement {
  /** Shows the notice of the records left out (a producer's preview). */
  showProblems: boolean;
  src?: string | undefined;
  api?: string | undefined;
}

function problemKey(problem: ValidationProblem): string {
  return JSON.stringify([problem.collection, problem.index, problem.id, problem.path, problem.message.fr, problem.severity]);
}

/** The problems each client has logged already: one console report per source and load, whichever widgets show it. */
const logged = new WeakMap<CnrClient, Set<string>>();

function logProblems(client: CnrClient, source: string | undefined, problems: readonly ValidationProblem[], locale: Locale): void {
  let seen = logged.get(client);
  if (seen === undefined) {
    seen = new Set();
    logged.set(client, seen);
  }
  const fresh = problems.filter((problem) => {
    const key = problemKey(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return;
  const header = problemsHeader(fresh.length, source, locale);
  console.warn([header, ...fresh.map((problem) => `- ${formatProblem(problem, locale)}`)].join('\n'));
}

export class ProblemsController implements ReactiveController {
  private problems: readonly ValidationProblem[] = [];
  private announced: readonly ValidationProblem[] | undefined;
  private announcedKey = '';

  constructor(
    private readonly host: ProblemsHost,
    private readonly linked: SourceController,
  ) {
    host.addController(this);
  }

  /** Whether the notice is shown: `show-problems` on the element or on its provider. */
  get shown(): boolean {
    return this.host.showProblems || this.linked.provider?.showProblems === true;
  }

  /** Called while rendering with the problems of the data shown: the notice when asked for, else nothing. */
  render(locale: Locale, problems: readonly ValidationProblem[]): TemplateResult | typeof nothing {
    this.problems = problems;
    return this.shown ? renderProblems(locale, problems) : nothing;
  }

  hostUpdated(): void {
    const problems = this.problems;
    const previous = this.announced;
    // Widgets build a new array on each render: the same problems (the same objects) are not news.
    if (previous !== undefined && previous.length === problems.length && problems.every((problem, i) => problem === previous[i])) return;
    this.announced = problems;
    const key = problems.map(problemKey).join('\n');
    if (key === this.announcedKey) return;
    this.announcedKey = key;
    if (problems.length === 0) return;
    const host = this.host;
    const source = host.src || host.api || this.providerSource();
    logProblems(this.linked.client, source, problems, localeOf(host));
    host.dispatchEvent(new CnrProblemsEvent({ problems, source }));
  }

  private providerSource(): string | undefined {
    const provider = this.linked.provider;
    return provider?.src || provider?.api || undefined;
  }

  hostDisconnected(): void {
    // Shown again elsewhere: say it again (the console still says it once).
    this.announced = undefined;
    this.announcedKey = '';
  }
}
