import type { Provenance } from '../../../contracts/common';
import type { GrantInsert } from '../grants';
import type { ProjectDraft } from '../projects';

/**
 * A beneficiary list names one recipient per operation: each imported project becomes a grant to
 * its lead organisation for the whole amount, and the project's funding lines become the grant's
 * (paid to the lead), keeping their provenance.
 */
export function beneficiaryGrant(
  projectId: number,
  draft: ProjectDraft,
  grant: {
    funderName: string;
    amountCents: number;
    purpose: string | null;
    periodStart?: string | null;
    periodEnd?: string | null;
    provenance: Provenance;
  },
): GrantInsert {
  const lead = draft.organisations.find((o) => o.role === 'lead');
  if (!lead) throw new Error(`Projekt ${draft.reference ?? draft.title} hat keinen Begünstigten`);
  return {
    projectId,
    reference: draft.reference ?? null,
    title: draft.title,
    purpose: grant.purpose,
    funderName: grant.funderName,
    amountCents: grant.amountCents,
    periodStart: grant.periodStart ?? null,
    periodEnd: grant.periodEnd ?? null,
    partners: [{ organisationId: lead.organisationId, role: 'lead', shareCents: grant.amountCents }],
    lines: draft.fundingLines.map((l) => ({ ...l, organisationId: lead.organisationId })),
    provenance: grant.provenance,
  };
}
