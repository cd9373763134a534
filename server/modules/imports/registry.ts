import { cordisH2020Importer } from './cordis-h2020.importer';
import { directoryImporter } from './directory.importer';
import { erdf2007Importer } from './erdf-2007.importer';
import { erdf2014Importer } from './erdf-2014.importer';
import type { Importer } from './importer';
import { naceImporter } from './nace.importer';
import { portfolioImporter } from './portfolio.importer';
import { regionsDeImporter } from './regions-de.importer';
import { regionsItImporter } from './regions-it.importer';

// biome-ignore lint/suspicious/noExplicitAny: each importer has its own record type; the runner does not look inside.
export const importers: Record<string, Importer<any>> = Object.fromEntries(
  [
    regionsDeImporter,
    regionsItImporter,
    naceImporter,
    erdf2007Importer,
    erdf2014Importer,
    portfolioImporter,
    cordisH2020Importer,
    directoryImporter,
  ].map((i) => [i.kind, i]),
);

export const importKinds = Object.keys(importers);
