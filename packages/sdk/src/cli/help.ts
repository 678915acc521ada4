/** The text of `cnr-widgets --help`, in French and English. */
import type { LocalizedMessage } from '../validation/index.js';

export const HELP: LocalizedMessage = {
  fr: `cnr-widgets — le kit du producteur de données du CNR santé

Usage :
  cnr-widgets validate <fichier.json|fichier.csv> [options]
  cnr-widgets complete <fichier.json|fichier.csv> [--out fichier.json]
  cnr-widgets convert <fichier.csv> [--out fichier.json] [options]
  cnr-widgets template [--out modele.csv]
  cnr-widgets export --format csv [options]
  cnr-widgets render <cnr-…> [nom=valeur …] [options]
  cnr-widgets --help

validate : vérifie un fichier par rapport au référentiel (régions, départements,
  TDS, axes, solutions de @cnr-widgets/data) : chaque problème avec son
  emplacement. Un fichier JSON est un jeu de données (schema/cnr-dataset.schema.json) ;
  un CSV, la forme tableur (colonne « collection ») ou des projets / chiffres seuls.
  --base <fichier.json>          un jeu de données AJOUTÉ au référentiel (par exemple
                                 les documents cités par un CSV de projets)
  --dataset <fichier.json>       ancien nom de --base
  --standalone                   sans le référentiel : le fichier doit tout contenir
  --collection projects|figures  contenu d’un CSV sans colonne « collection »
  --separator ,|;                séparateur CSV (par défaut : détecté)
  --allow-warnings               code 0 s’il n’y a que des avertissements

complete : ajoute à « territories » le nom, le type et le département de chaque
  commune (commune:<code INSEE>) et de chaque EPCI (epci:<SIREN>) que le fichier
  cite, d’après le Code officiel géographique. Écrit le JSON sur la sortie
  standard ou dans --out (un CSV est d’abord converti).

convert : transforme un CSV (forme tableur) en document JSON.
  --out <fichier.json>           sinon sur la sortie standard
  --publisher <texte>            éditeur du fichier (par défaut : celui du premier document)
  --version <texte>              version des données (par défaut : la date du jour)
  --title <texte>                titre du fichier

template : écrit le modèle CSV (une ligne d’exemple par collection).

export : écrit les projets (ou les chiffres) d’un jeu de données en CSV.
  --format csv                   seul format (par défaut)
  --input <fichier.json>         jeu à exporter (par défaut : le jeu de référence embarqué)
  --collection projects|figures  par défaut : projects
  --separator ,|;                par défaut « , » ; « ; » pour Excel en français
  --out <fichier>                écrire dans un fichier plutôt que sur la sortie standard
  --no-bom                       sans marque d’ordre d’octets UTF-8 (écrite par défaut pour Excel)
  --no-formula-guard             ne pas préfixer de ' les cellules commençant par = + - @

render : écrit le HTML statique d’un widget avec ses données (shadow DOM déclaratif),
  lisible sans JavaScript ; avec le script du CDN sur la page, il s’hydrate sans
  recharger ses données. Widgets : cnr-project-list, cnr-key-figures,
  cnr-funding-counter, cnr-territory-map ; attributs : nom=valeur
  (territory=departement:57 page-size=24 table-open). Demande @cnr-widgets/elements
  installé dans le projet.
  --input <fichier.json>         jeu de données d’un producteur (par défaut : le jeu de référence embarqué)
  --out <fichier.html>           sinon sur la sortie standard
  --lang en|fr                   aussi la langue du widget

  --lang en|fr                   langue des messages (par défaut : le français ; l’anglais si LANG est en_…)
  -h, --help                     cette aide

Codes de sortie : 0 aucun problème ; 1 problèmes dans les données (enregistrements
invalides, références inconnues, document qui n’est pas un jeu de données, code
commune ou EPCI inconnu) ; 2 erreur d’usage ou de fichier (fichier absent ou
illisible, JSON invalide — avec ligne et colonne).
`,
  en: `cnr-widgets — the CNR health data producer's kit

Usage:
  cnr-widgets validate <file.json|file.csv> [options]
  cnr-widgets complete <file.json|file.csv> [--out file.json]
  cnr-widgets convert <file.csv> [--out file.json] [options]
  cnr-widgets template [--out template.csv]
  cnr-widgets export --format csv [options]
  cnr-widgets render <cnr-…> [name=value …] [options]
  cnr-widgets --help

validate: checks a file against the reference (régions, départements, TDS,
  axes, solutions of @cnr-widgets/data): every problem with its location. A JSON
  file is a dataset document (schema/cnr-dataset.schema.json); a CSV, the
  one-sheet form ("collection" column) or projects / figures alone.
  --base <file.json>             a dataset ADDED to the reference (e.g. the documents
                                 a CSV of projects cites)
  --dataset <file.json>          former name of --base
  --standalone                   without the reference: the file must hold everything
  --collection projects|figures  what a CSV without a "collection" column holds
  --separator ,|;                CSV separator (default: detected)
  --allow-warnings               exit 0 when there are only warnings

complete: adds to "territories" the name, kind and département of every
  commune (commune:<INSEE code>) and EPCI (epci:<SIREN>) the file cites, from
  the Code officiel géographique. Writes the JSON to standard output or --out
  (a CSV is converted first).

convert: turns a CSV (one-sheet form) into the JSON document.
  --out <file.json>              else standard output
  --publisher <text>             the file's publisher (default: the first document's)
  --version <text>               data version (default: today's date)
  --title <text>                 the file's title

template: writes the CSV template (one example row per collection).

export: writes the projects (or figures) of a dataset as CSV.
  --format csv                   the only format (default)
  --input <file.json>            dataset to export (default: the embedded reference dataset)
  --collection projects|figures  default: projects
  --separator ,|;                default: ","; use ";" for French Excel
  --out <file>                   write to a file instead of standard output
  --no-bom                       no UTF-8 byte order mark (written by default for Excel)
  --no-formula-guard             do not prefix cells starting with = + - @ with '

render: writes the static HTML of a widget with its data (declarative shadow
  DOM), readable without JavaScript; with the CDN script on the page it
  hydrates without loading its data again. Widgets: cnr-project-list,
  cnr-key-figures, cnr-funding-counter, cnr-territory-map; attributes:
  name=value (territory=departement:57 page-size=24 table-open). Needs
  @cnr-widgets/elements installed in the project.
  --input <file.json>            a producer's dataset (default: the embedded reference dataset)
  --out <file.html>              else standard output
  --lang en|fr                   also the widget's language

  --lang en|fr                   language of messages (default: French; English when LANG is en_…)
  -h, --help                     this help

Exit codes: 0 no problem; 1 problems in the data (invalid records, unknown
references, a document that is not a dataset, an unknown commune or EPCI code);
2 usage or file error (missing or unreadable file, invalid JSON — with line
and column).
`,
};
