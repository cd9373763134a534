import { z } from 'zod';
import { visibilitySchema } from './accounts';
import { isoDateSchema, pageOf, pageQuerySchema, provenanceSchema } from './common';
import { organisationTypeSchema } from './portfolio';

/** A person's dated role at an organisation ("Ministerin für Wirtschaft …" at the ministry). */
export const personRoleSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  organisationType: organisationTypeSchema,
  title: z.string(),
  from: isoDateSchema.nullable(),
  until: isoDateSchema.nullable(),
  provenance: provenanceSchema,
});
export type PersonRole = z.infer<typeof personRoleSchema>;

/** Contact details: present only for those allowed to see them (staff, the person, or when made public). */
export const contactSchema = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  visibility: visibilitySchema,
});

export const personListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  honorific: z.string().nullable(),
  /** The current roles, newest first. */
  roles: z.array(personRoleSchema.pick({ organisationId: true, organisationName: true, title: true })),
});
export type PersonListItem = z.infer<typeof personListItemSchema>;
export const personPageSchema = pageOf(personListItemSchema);

export const listPeopleQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: z.coerce.number().int().positive().optional(),
});

export const personDetailSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  honorific: z.string().nullable(),
  roles: z.array(personRoleSchema),
  /** Memberships the person signed on behalf of an organisation. */
  signatures: z.array(
    z.object({
      membershipId: z.number().int(),
      organisationId: z.number().int(),
      organisationName: z.string(),
      groupId: z.number().int(),
      groupName: z.string(),
      from: isoDateSchema.nullable(),
    }),
  ),
  /** null when the caller may not see contact details. */
  contact: contactSchema.nullable(),
  visibility: visibilitySchema,
  version: z.number().int(),
  provenance: provenanceSchema,
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const createPersonSchema = z.object({
  name: z.string().trim().min(2, 'Name fehlt').max(200),
  honorific: optionalText(50),
  email: z.email({ error: 'keine gültige E-Mail-Adresse' }).max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()/-]{5,40}$/, 'Telefonnummer aus Ziffern, Leerzeichen, +, /, - und Klammern')
    .nullable()
    .optional(),
  contactVisibility: visibilitySchema.default('internal'),
  visibility: visibilitySchema.default('public'),
});
export const updatePersonSchema = createPersonSchema.partial().extend({ version: z.number().int() });

export const createPersonRoleSchema = z
  .object({
    organisationId: z.number().int().positive(),
    title: z.string().trim().min(2, 'Funktion fehlt').max(300),
    from: isoDateSchema.nullable().optional(),
    until: isoDateSchema.nullable().optional(),
  })
  .refine((r) => !r.from || !r.until || r.from <= r.until, {
    message: 'Ende liegt vor dem Beginn',
    path: ['until'],
  });
export const endPersonRoleSchema = z.object({ until: isoDateSchema });
