import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import {
  CnrError,
  computeFacets,
  createIndex,
  parseDataset,
  parseFiguresParams,
  parseFilterParams,
  parseProjectParams,
  queryProjects,
  sumFigures,
  territoryBreakdown,
  totalFunding,
  type Dataset,
  type DatasetMeta,
  type ParamError,
} from './sdk.js';

export interface AppOptions {
  /** A dataset document (parsed JSON). It is validated; invalid records are left out. */
  dataset: unknown;
  /**
   * The reference the document stands on (`@cnr-widgets/data/referential`
   * for a producer's own file): the server then serves the merged view, as
   * `createClient({ src })` holds it — reference territories, axes and
   * solutions, and the document's own records. Default: none (the document is
   * self-contained, like the embedded reference dataset).
   */
  base?: Dataset;
  /** `Cache-Control` of every answer. Default `no-cache`: clients may keep answers but revalidate them (ETag). */
  cacheControl?: string;
}

const META_FIELDS = ['version', 'generatedAt', 'title', 'publisher', 'license', 'referential'] as const;

/** An RFC 9457 problem document. */
function problem(c: Context, status: 400 | 404 | 500, title: string, detail: string, errors?: ParamError[]) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }), status, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

function invalidParams(c: Context, errors: ParamError[]) {
  return problem(c, 400, 'Bad Request', 'Paramètres invalides. / Invalid query parameters.', errors);
}

function searchParams(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

/**
 * The reference server of the REST contract (`openapi/cnr-api.openapi.json`):
 * queries run server-side with the SDK's query engine; every answer carries an
 * ETag and honours `If-None-Match` (304); CORS allows any origin, without
 * credentials. Returns the Hono application; `app.fetch` is a standard fetch handler.
 */
export function createApp({ dataset: input, base, cacheControl = 'no-cache' }: AppOptions): Hono {
  const { dataset } = parseDataset(input, base ? { base } : {});
  const index = createIndex(dataset);
  const meta: Partial<DatasetMeta> = {};
  for (const field of META_FIELDS) if (dataset[field] !== undefined) Object.assign(meta, { [field]: dataset[field] });

  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      allowHeaders: ['If-None-Match', 'Accept'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] }),
  );
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', cacheControl);
  });

  app.get('/meta', (c) => c.json(meta));

  app.get('/projects', (c) => {
    const { filters, options, errors } = parseProjectParams(searchParams(c));
    if (errors.length > 0) return invalidParams(c, errors);
    return c.json(queryProjects(index, filters, options));
  });

  app.get('/projects/:id', (c) => {
    const project = index.projectsById.get(c.req.param('id'));
    if (!project) return problem(c, 404, 'Not Found', 'Aucun projet avec cet identifiant. / No project with this id.');
    return c.json(project);
  });

  app.get('/facets', (c) => {
    const { filters, errors } = parseFilterParams(searchParams(c));
    if (errors.length > 0) return invalidParams(c, errors);
    return c.json(computeFacets(index, filters));
  });

  app.get('/funding/total', (c) => {
    const { filters, errors } = parseFilterParams(searchParams(c));
    if (errors.length > 0) return invalidParams(c, errors);
    return c.json(totalFunding(index, filters));
  });

  app.get('/figures', (c) => {
    const { query, errors } = parseFiguresParams(searchParams(c));
    if (errors.length > 0) return invalidParams(c, errors);
    return c.json(sumFigures(index, query));
  });

  app.get('/breakdown', (c) => {
    const { filters, errors } = parseFilterParams(searchParams(c));
    const level = searchParams(c).get('level');
    if (level !== 'region' && level !== 'departement') {
      errors.push({
        param: 'level',
        message: { fr: 'Valeur attendue : region ou departement.', en: 'Expected region or departement.' },
      });
    }
    if (errors.length > 0) return invalidParams(c, errors);
    return c.json({ items: territoryBreakdown(index, filters, level as 'region' | 'departement') });
  });

  app.get('/territories', (c) => c.json({ items: dataset.territories }));
  app.get('/axes', (c) => c.json({ items: dataset.axes }));
  app.get('/solutions', (c) => c.json({ items: dataset.solutions }));
  app.get('/documents', (c) => c.json({ items: dataset.documents }));

  app.notFound((c) => problem(c, 404, 'Not Found', 'Ressource inconnue. / Unknown resource.'));
  app.onError((error, c) => {
    // An invalid cursor (`CnrQueryError`) is the caller's mistake.
    if (error instanceof CnrError && error.name === 'CnrQueryError') {
      return invalidParams(c, [{ param: 'cursor', message: { fr: 'Curseur invalide.', en: error.message } }]);
    }
    return problem(c, 500, 'Internal Server Error', 'Erreur du serveur. / Server error.');
  });

  return app;
}
