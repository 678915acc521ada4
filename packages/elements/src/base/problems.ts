import type { ValidationProblem } from '@cnr-widgets/sdk';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CnrProblemsEvent } from '../events/events.js';
import { localeOf, type Locale } from '../i18n/locale.js';
import type { SourceController } from './source.js';
import { failureDetails, loadFailureDetails } from './states.js';

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

/** What tells two problems apart (the same problem again is not news, nor logged twice). */
export function problemKey(problem: ValidationProblem): string {
  return JSON.stringify([problem.collection, problem.index, problem.id, problem.path, problem.message.fr, problem.severity]);
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

  /**
   * Called while rendering with the problems of the data shown: the notice
   * when asked for, else nothing. Its code comes with the failure path
   * (states.ts `loadFailureDetails()`), which the data tasks load before they
   * settle with problems; data given ahead of time (hydration) may come
   * first: the notice then follows once the module is there.
   */
  render(locale: Locale, problems: readonly ValidationProblem[]): TemplateResult | typeof nothing {
    this.problems = problems;
    if (!this.shown || problems.length === 0) return nothing;
    const details = failureDetails();
    if (details) return details.renderProblems(locale, problems);
    void loadFailureDetails().then(() => failureDetails() && this.host.requestUpdate());
    return nothing;
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
    const client = this.linked.client;
    const locale = localeOf(host);
    // The console's report comes with the failure path's module: loaded by then (the data task waited for
    // it), unless the data was given ahead of time; the bare problems if it cannot be loaded.
    const log = (): void => {
      const details = failureDetails();
      if (details) details.logProblems(client, source, problems, locale);
      else console.warn('[cnr-widgets]', problems);
    };
    if (failureDetails()) log();
    else void loadFailureDetails().then(log);
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
