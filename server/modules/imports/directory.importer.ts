import { z } from 'zod';
import { isoDateSchema } from '../../../contracts/common';
import { membershipKindSchema } from '../../../contracts/organisations';
import { indicatorUnits, partnershipEventKinds } from '../../../contracts/partnerships';
import { organisationTypeSchema } from '../../../contracts/portfolio';
import { AppError } from '../../errors';
import { replaceSeedMemberships } from '../memberships';
import { applyProfiles, ensureOrganisations, normaliseOrganisationName } from '../organisations';
import { upsertSeedPartnership } from '../partnerships';
import { upsertSeedPeople } from '../people';
import { regionKeyIndex } from '../regions';
import type { Importer, RowError } from './importer';
import {
  checkCitations,
  citer,
  type Evidence,
  evidenceSchema,
  readSeedFile,
  regionKeySchema,
  seedDocumentsSchema,
} from './seed-documents';

const key = z.string().regex(/^[a-z0-9-]+$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');
const precision = z.enum(['day', 'month', 'year']);

const directorySchema = seedDocumentsSchema.extend({
  organisations: z.array(
    z.object({
      key,
      name: z.string().min(2),
      shortName: z.string().optional(),
      type: organisationTypeSchema,
      region: regionKeySchema.optional(),
      aliases: z.array(z.string().min(2)).default([]),
      nace: z.array(z.string().regex(/^([A-U]|\d{2}(\.\d{1,2})?)$/)).default([]),
      competenceFields: z.array(z.string().min(2)).default([]),
      description: z.object({ de: z.string(), en: z.string(), it: z.string() }).partial().default({}),
      evidence: evidenceSchema,
    }),
  ),
  people: z.array(
    z.object({
      key,
      name: z.string().min(2),
      honorific: z.string().nullable().default(null),
      evidence: evidenceSchema,
      roles: z.array(
        z.object({
          organisation: key,
          title: z.string().min(2),
          from: isoDateSchema.nullable().default(null),
          until: isoDateSchema.nullable().default(null),
          evidence: evidenceSchema,
        }),
      ),
    }),
  ),
  memberships: z.array(
    z.object({
      kind: membershipKindSchema,
      organisation: key,
      group: key.optional(),
      partnership: key.optional(),
      person: key.optional(),
      note: z.string().nullable().default(null),
      from: isoDateSchema.nullable().default(null),
      until: isoDateSchema.nullable().default(null),
      evidence: evidenceSchema,
    }),
  ),
  partnerships: z.array(
    z.object({
      slug: key,
      name: z.string().min(3),
      regions: z.tuple([regionKeySchema, regionKeySchema]),
      description: z.string().nullable().default(null),
      agreement: z.object({
        signedOn: isoDateSchema,
        precision,
        until: isoDateSchema.nullable(),
        evidence: evidenceSchema,
      }),
      themes: z.array(z.string().min(2)),
      themesEvidence: evidenceSchema,
      evidence: evidenceSchema,
      events: z.array(
        z.object({
          kind: z.enum(partnershipEventKinds),
          title: z.string().min(3),
          date: isoDateSchema.nullable(),
          datePrecision: precision.nullable(),
          places: z.array(z.string()),
          participants: z.array(z.object({ person: key.optional(), name: z.string(), role: z.string().nullable() })),
          topics: z.array(z.string()),
          followUps: z.array(z.string()),
          evidence: evidenceSchema,
        }),
      ),
      indicators: z.array(
        z.object({
          key: z.string().regex(/^[a-z_]+$/),
          label: z.string().min(3),
          unit: z.enum(indicatorUnits),
          values: z.array(
            z.object({
              period: z
                .string()
                .regex(/^\d{4}(-\d{2}-\d{2})?$/)
                .nullable(),
              value: z.number(),
              qualifier: z.enum(['exact', 'approx', 'more_than']),
              evidence: evidenceSchema,
            }),
          ),
        }),
      ),
    }),
  ),
});
type Directory = z.infer<typeof directorySchema>;

/** Every `evidence` in the file with its JSON path, for the passage check. */
function* citations(d: Directory): Generator<[string, Evidence]> {
  for (const [i, o] of d.organisations.entries()) yield [`organisations.${i}.evidence`, o.evidence];
  for (const [i, p] of d.people.entries()) {
    yield [`people.${i}.evidence`, p.evidence];
    for (const [j, r] of p.roles.entries()) yield [`people.${i}.roles.${j}.evidence`, r.evidence];
  }
  for (const [i, m] of d.memberships.entries()) yield [`memberships.${i}.evidence`, m.evidence];
  for (const [i, p] of d.partnerships.entries()) {
    yield [`partnerships.${i}.evidence`, p.evidence];
    yield [`partnerships.${i}.agreement.evidence`, p.agreement.evidence];
    yield [`partnerships.${i}.themesEvidence`, p.themesEvidence];
    for (const [j, e] of p.events.entries()) yield [`partnerships.${i}.events.${j}.evidence`, e.evidence];
    for (const [j, s] of p.indicators.entries())
      for (const [k, v] of s.values.entries())
        yield [`partnerships.${i}.indicators.${j}.values.${k}.evidence`, v.evidence];
  }
}

/** Every reference by key (organisation, person, partnership) must name an entry of the file. */
function checkReferences(d: Directory, errors: RowError[]) {
  const orgs = new Set(d.organisations.map((o) => o.key));
  const persons = new Set(d.people.map((p) => p.key));
  const partnerships = new Set(d.partnerships.map((p) => p.slug));
  const expect = (set: Set<string>, value: string | undefined, row: number, field: string, what: string) => {
    if (value !== undefined && !set.has(value))
      errors.push({ row, field, reason: `${what} „${value}“ ist nicht aufgeführt` });
  };
  for (const [i, p] of d.people.entries())
    for (const [j, r] of p.roles.entries())
      expect(orgs, r.organisation, i + 1, `people.${i}.roles.${j}.organisation`, 'Organisation');
  for (const [i, m] of d.memberships.entries()) {
    expect(orgs, m.organisation, i + 1, `memberships.${i}.organisation`, 'Organisation');
    expect(orgs, m.group, i + 1, `memberships.${i}.group`, 'Organisation');
    expect(persons, m.person, i + 1, `memberships.${i}.person`, 'Person');
    expect(partnerships, m.partnership, i + 1, `memberships.${i}.partnership`, 'Partnerschaft');
    if ((m.group === undefined) === (m.partnership === undefined))
      errors.push({ row: i + 1, field: `memberships.${i}`, reason: 'genau eines von group und partnership angeben' });
  }
  for (const [i, p] of d.partnerships.entries())
    for (const [j, e] of p.events.entries())
      for (const [k, who] of e.participants.entries())
        expect(persons, who.person, i + 1, `partnerships.${i}.events.${j}.participants.${k}.person`, 'Person');
}

/**
 * The ecosystem the seed documents describe: organisations with their profiles, people and their
 * roles, memberships (networks, alliances, signatories), and partner regions with their agreement,
 * visits and indicators. Every fact cites a passage of its document.
 */
export const directoryImporter: Importer<Directory> = {
  kind: 'directory',
  description: 'Organisationen, Personen, Mitgliedschaften und Partnerregionen aus einer JSON-Datei mit Quellenbelegen',
  countRows: ([d]) => (d ? d.organisations.length + d.people.length + d.memberships.length + d.partnerships.length : 0),
  async read(file) {
    const errors: RowError[] = [];
    const directory = await readSeedFile(file, directorySchema, errors);
    if (directory) {
      await checkCitations(file, directory, citations(directory), errors);
      checkReferences(directory, errors);
    }
    return { records: directory && errors.length === 0 ? [directory] : [], errors };
  },
  async write(tx, [d]): Promise<Record<string, number>> {
    if (!d) return {};
    const cite = citer(d);
    const errors: RowError[] = [];
    const regionIds = await regionKeyIndex(tx, 'DE');
    for (const [k, v] of await regionKeyIndex(tx, 'IT')) regionIds.set(`IT:${k}`, v);
    const regionOf = (r: z.infer<typeof regionKeySchema> | undefined, row: number, field: string) => {
      if (!r) return null;
      const id = regionIds.get(`${r.country === 'IT' ? 'IT:' : ''}${r.level}:${r.code}`);
      if (id === undefined)
        errors.push({
          row,
          field,
          reason: `Region ${r.level} ${r.code} ist nicht bekannt — zuerst Regionen importieren`,
        });
      return id ?? null;
    };

    const byName = await ensureOrganisations(
      tx,
      d.organisations.map((o, i) => ({
        name: o.name,
        type: o.type,
        regionId: regionOf(o.region, i + 1, `organisations.${i}.region`),
        provenance: cite(o.evidence),
      })),
    );
    const orgId = new Map(d.organisations.map((o) => [o.key, byName.get(normaliseOrganisationName(o.name)) as number]));
    await applyProfiles(
      tx,
      d.organisations.map((o) => ({
        organisationId: orgId.get(o.key) as number,
        name: o.name,
        shortName: o.shortName ?? null,
        country: o.region?.country ?? null,
        aliases: o.aliases,
        competenceFields: o.competenceFields,
        description: o.description,
        nace: o.nace,
        provenance: cite(o.evidence),
      })),
    );

    const personIds = await upsertSeedPeople(
      tx,
      d.people.map((p) => ({
        name: p.name,
        honorific: p.honorific,
        provenance: cite(p.evidence),
        roles: p.roles.map((r) => ({
          organisationId: orgId.get(r.organisation) as number,
          title: r.title,
          from: r.from,
          until: r.until,
          provenance: cite(r.evidence),
        })),
      })),
    );
    const personId = new Map(d.people.map((p, i) => [p.key, personIds[i] as number]));

    const partnershipId = new Map<string, number>();
    for (const [i, p] of d.partnerships.entries()) {
      const [a, b] = p.regions.map((r, j) => regionOf(r, i + 1, `partnerships.${i}.regions.${j}`));
      if (a === null || b === null || a === undefined || b === undefined) continue;
      const id = await upsertSeedPartnership(tx, {
        slug: p.slug,
        name: p.name,
        regionAId: a,
        regionBId: b,
        description: p.description,
        agreementSignedOn: p.agreement.signedOn,
        agreementPrecision: p.agreement.precision,
        agreementUntil: p.agreement.until,
        agreementProvenance: cite(p.agreement.evidence),
        themes: p.themes,
        provenance: cite(p.evidence),
        events: p.events.map((e) => ({
          kind: e.kind,
          title: e.title,
          date: e.date,
          datePrecision: e.datePrecision,
          places: e.places,
          participants: e.participants.map((who) => ({
            personId: who.person ? (personId.get(who.person) ?? null) : null,
            name: who.name,
            role: who.role,
          })),
          topics: e.topics,
          followUps: e.followUps,
          provenance: cite(e.evidence),
        })),
        indicators: p.indicators.map((s) => ({
          ...s,
          values: s.values.map((v) => ({
            period: v.period,
            value: v.value,
            qualifier: v.qualifier,
            provenance: cite(v.evidence),
          })),
        })),
      });
      partnershipId.set(p.slug, id);
    }

    await replaceSeedMemberships(
      tx,
      Object.keys(d.documents),
      d.memberships.map((m) => ({
        kind: m.kind,
        organisationId: orgId.get(m.organisation) as number,
        groupId: m.group ? (orgId.get(m.group) ?? null) : null,
        partnershipId: m.partnership ? (partnershipId.get(m.partnership) ?? null) : null,
        personId: m.person ? (personId.get(m.person) ?? null) : null,
        note: m.note,
        from: m.from,
        until: m.until,
        provenance: cite(m.evidence),
      })),
    );
    if (errors.length > 0)
      throw new AppError('import_failed', 'Das Verzeichnis verweist auf unbekannte Regionen.', { errors });
    return {
      organisations: d.organisations.length,
      people: d.people.length,
      memberships: d.memberships.length,
      partnerships: partnershipId.size,
    };
  },
};
