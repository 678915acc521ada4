/** `cnr-widgets complete`: the territory records of the communes and EPCI a file cites, from the COG. */
import { COLLECTION_NAMES } from '../../schemas/dataset.js';
import { parseTerritoryId } from '../../territories/ids.js';
import { territoryReferences } from '../../validation/references.js';
import { onePath, type Options } from '../args.js';
import { csvToDocument, documentOfCsv, emit, isCsvFile, parseJsonFile, readText } from '../files.js';
import { isObject, type CogTable } from '../io.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, errorMessage, type Output } from '../output.js';

/**
 * Adds the territory records of the communes and EPCI a document cites, from
 * the COG table: `{ id, kind, code, name, parent: 'departement:<dd>' }`. A
 * record the document already has keeps its fields (a missing `parent` is
 * filled in). Returns the ids added and the codes the COG does not know.
 */
export function completeTerritories(document: Record<string, unknown>, cog: CogTable): { added: string[]; unknown: string[] } {
  const territories = (Array.isArray(document['territories']) ? document['territories'] : []) as Record<string, unknown>[];
  const records: Partial<Record<string, { record: Record<string, unknown>; index: number }[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const list = document[name];
    if (Array.isArray(list)) records[name] = list.filter(isObject).map((record, index) => ({ record, index }));
  }
  const known = new Map(territories.filter(isObject).map((t) => [t['id'], t]));
  const added: string[] = [];
  const unknown: string[] = [];
  const wanted = [...territoryReferences(records), ...territories.filter(isObject).map((t) => String(t['id']))];
  for (const id of new Set(wanted)) {
    const parsed = parseTerritoryId(id);
    if (parsed?.kind !== 'commune' && parsed?.kind !== 'epci') continue;
    const code = parsed.kind === 'commune' ? parsed.code.toUpperCase() : parsed.code;
    const entry = parsed.kind === 'commune' ? cog.communes[code] : cog.epci[code];
    if (entry === undefined || !Object.hasOwn(parsed.kind === 'commune' ? cog.communes : cog.epci, code)) {
      unknown.push(id);
      continue;
    }
    const [name, departement] = entry;
    const existing = known.get(id);
    if (existing) {
      if (existing['parent'] === undefined) existing['parent'] = `departement:${departement}`;
      continue;
    }
    const record = { id, kind: parsed.kind, code, name, parent: `departement:${departement}` };
    territories.push(record);
    known.set(id, record);
    added.push(id);
  }
  if (territories.length > 0) document['territories'] = territories;
  return { added, unknown };
}

export async function complete(o: Output, positionals: string[], options: Options): Promise<number> {
  const path = onePath(positionals, { fr: 'Usage : cnr-widgets complete <fichier.json|fichier.csv> [--out fichier.json]', en: 'Usage: cnr-widgets complete <file.json|file.csv> [--out file.json]' });
  const text = await readText(o, path);
  let document: Record<string, unknown>;
  if (isCsvFile(path, text)) {
    const csv = csvToDocument(o, path, text, options);
    if (csv === undefined) return EXIT_PROBLEMS;
    for (const problem of csv.problems) o.csvProblem(problem);
    document = documentOfCsv(o, csv, options);
  } else {
    const value = parseJsonFile(path, text);
    if (!isObject(value)) {
      o.out(`${o.severity('error')} ${path}${o.lang === 'fr' ? ' : ce n’est pas un jeu de données (un objet JSON est attendu).' : ': not a dataset (a JSON object is expected).'}`);
      return EXIT_PROBLEMS;
    }
    document = value;
  }
  let cog: CogTable;
  try {
    cog = await o.io.loadCog();
  } catch (error) {
    throw new UsageError({ fr: `Table du COG illisible : ${errorMessage(error)}`, en: `Cannot read the COG table: ${errorMessage(error)}` });
  }
  const { added, unknown } = completeTerritories(document, cog);
  if (document['referential'] === undefined && added.length > 0) {
    document['referential'] = { name: 'Code officiel géographique (INSEE), EPCI (DGCL), via @etalab/decoupage-administratif', edition: cog.edition };
  }
  for (const id of unknown) {
    o.err(
      o.lang === 'fr'
        ? `${o.severity('error')} ${id} : code inconnu du Code officiel géographique (${cog.source} ${cog.edition}).`
        : `${o.severity('error')} ${id}: code unknown to the Code officiel géographique (${cog.source} ${cog.edition}).`,
    );
  }
  const list = added.length === 0 ? '' : ` : ${added.join(', ')}`;
  await emit(o, `${JSON.stringify(document, null, 2)}\n`, options.out, {
    fr: `${options.out} : ${added.length} territoire(s) ajouté(s)${list}.`,
    en: `${options.out}: ${added.length} territor${added.length === 1 ? 'y' : 'ies'} added${list.replace(' : ', ': ')}.`,
  });
  if (options.out === undefined) o.err({ fr: `${added.length} territoire(s) ajouté(s)${list}.`, en: `${added.length} territories added${list.replace(' : ', ': ')}.` });
  return unknown.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
