import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { OrganisationType } from '../../../contracts/portfolio';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { classifyOrganisation, normaliseOrganisationName } from './organisation-name';
import { organisationAliases, organisationIdentifiers, organisations } from './organisations.table';

export type OrganisationDraft = {
  name: string;
  type?: OrganisationType;
  regionId?: number | null;
  provenance: Provenance;
};

/**
 * Finds or creates one organisation per normalised name; the first spelling seen becomes the
 * display name. Returns normalised name → id for every draft.
 */
export async function ensureOrganisations(tx: Db, drafts: OrganisationDraft[]): Promise<Map<string, number>> {
  const unique = new Map<string, OrganisationDraft>();
  for (const d of drafts) {
    const key = normaliseOrganisationName(d.name);
    if (!unique.has(key)) unique.set(key, d);
  }
  for (const part of chunks([...unique.entries()])) {
    await tx
      .insert(organisations)
      .values(
        part.map(([key, d]) => ({
          name: d.name.trim(),
          normalisedName: key,
          type: d.type ?? classifyOrganisation(d.name),
          isTypeGuessed: d.type === undefined,
          regionId: d.regionId ?? null,
          provenance: d.provenance,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.normalisedName,
        // A source that knows the region fills it in; it never erases one.
        set: {
          regionId: sql`coalesce(${organisations.regionId}, excluded.region_id)`,
          type: sql`case when ${organisations.isTypeGuessed} and not excluded.is_type_guessed then excluded.type else ${organisations.type} end`,
          isTypeGuessed: sql`${organisations.isTypeGuessed} and excluded.is_type_guessed`,
        },
      });
  }
  const ids = new Map<string, number>();
  for (const part of chunks([...unique.keys()])) {
    const rows = await tx
      .select({ id: organisations.id, key: organisations.normalisedName })
      .from(organisations)
      .where(inArray(organisations.normalisedName, part));
    for (const r of rows) ids.set(r.key, r.id);
  }
  return ids;
}

export type IdentifierScheme = (typeof organisationIdentifiers.$inferSelect)['scheme'];

/** Organisations already holding one of the identifiers: value → organisation id. */
export async function organisationsByIdentifier(
  db: Db,
  scheme: IdentifierScheme,
  values: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks(values)) {
    const rows = await db
      .select({ value: organisationIdentifiers.value, id: organisationIdentifiers.organisationId })
      .from(organisationIdentifiers)
      .where(and(eq(organisationIdentifiers.scheme, scheme), inArray(organisationIdentifiers.value, part)));
    for (const r of rows) found.set(r.value, r.id);
  }
  return found;
}

export type IdentifierDraft = {
  organisationId: number;
  scheme: IdentifierScheme;
  value: string;
  provenance: Provenance;
  /** The name this source uses; kept as an alias when it differs from the display name. */
  alias?: string;
  /** Address details the source knows; they fill gaps, never overwrite. */
  details?: {
    shortName: string | null;
    country: string | null;
    city: string | null;
    street: string | null;
    regionId: number | null;
  };
};

/** Records identifiers (an identifier already owned stays with its owner), aliases and missing details. */
export async function attachIdentifiers(tx: Db, drafts: IdentifierDraft[]): Promise<void> {
  for (const part of chunks(drafts)) {
    await tx
      .insert(organisationIdentifiers)
      .values(
        part.map((d) => ({
          organisationId: d.organisationId,
          scheme: d.scheme,
          value: d.value,
          provenance: d.provenance,
        })),
      )
      .onConflictDoNothing();
    // Every name a source uses — full and short — is kept, so a search for "DLR" finds the DLR.
    const aliases = part.flatMap((d) =>
      [d.alias, d.details?.shortName].flatMap((name) =>
        name ? [{ organisationId: d.organisationId, name, normalisedName: normaliseOrganisationName(name) }] : [],
      ),
    );
    if (aliases.length > 0) await tx.insert(organisationAliases).values(aliases).onConflictDoNothing();
    const details = part.flatMap((d) => (d.details ? [{ id: d.organisationId, ...d.details }] : []));
    if (details.length > 0) {
      await tx.execute(sql`
        update organisations o set
          short_name = coalesce(o.short_name, d.short_name),
          country = coalesce(o.country, d.country),
          city = coalesce(o.city, d.city),
          street = coalesce(o.street, d.street),
          region_id = coalesce(o.region_id, d.region_id)
        from jsonb_to_recordset(${JSON.stringify(details.map((d) => ({ id: d.id, short_name: d.shortName, country: d.country, city: d.city, street: d.street, region_id: d.regionId })))}::jsonb)
          as d(id int, short_name text, country text, city text, street text, region_id int)
        where o.id = d.id`);
    }
  }
}
