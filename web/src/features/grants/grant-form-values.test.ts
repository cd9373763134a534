import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../../../../contracts/portfolio';
import { type GrantFormValues, grantFormProblems, initialGrantValues, toCreateGrant } from './grant-form-values';

const project = {
  id: 5,
  title: 'Wasserstoff-Region',
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  visibility: 'public',
  organisations: [
    { id: 11, name: 'Partner GmbH', type: 'company', role: 'partner' },
    { id: 10, name: 'Lead-Agentur', type: 'development_agency', role: 'lead' },
  ],
} as unknown as ProjectDetail;

function filled(): GrantFormValues {
  const values = initialGrantValues(project);
  return {
    ...values,
    funderName: 'Land NRW',
    amount: 3600000,
    partners: values.partners.map((p, i) => ({ ...p, share: i === 0 ? 2400000 : '1.200.000' })),
  };
}

describe('initialGrantValues', () => {
  it("starts from the project's title, period and organisations, its lead first and lead of the grant", () => {
    const values = initialGrantValues(project);
    expect(values.title).toBe('Wasserstoff-Region');
    expect(values.periodStart).toBe('2024-01-01');
    expect(values.partners.map((p) => [p.organisationId, p.role])).toEqual([
      [10, 'lead'],
      [11, 'partner'],
    ]);
  });
});

describe('grantFormProblems', () => {
  it('finds nothing wrong when the shares add up to the amount', () => {
    expect(grantFormProblems(filled())).toEqual({});
  });

  it('names shares that do not add up, a missing lead and an empty partner row', () => {
    const values = filled();
    expect(grantFormProblems({ ...values, amount: 3700000 })).toEqual({ partners: 'grantForm.sharesDontAddUp' });
    expect(grantFormProblems({ ...values, partners: values.partners.map((p) => ({ ...p, role: 'partner' })) })).toEqual(
      { partners: 'grantForm.oneLead' },
    );
    const withEmpty = {
      ...values,
      partners: [...values.partners, { key: 'x', organisationId: undefined, role: 'partner' as const, share: 0 }],
    };
    expect(grantFormProblems(withEmpty)).toEqual({ 'partners.2.organisationId': 'grantForm.partnerMissing' });
  });

  it('asks for a reason when a line pays out more than is committed', () => {
    const values = filled();
    const lines = [
      {
        key: 'a',
        organisationId: 10,
        source: 'state' as const,
        kind: 'committed' as const,
        amount: 100,
        year: '2024',
        note: '',
        overrunReason: '',
      },
      {
        key: 'b',
        organisationId: 10,
        source: 'state' as const,
        kind: 'disbursed' as const,
        amount: 150,
        year: '2024',
        note: '',
        overrunReason: '',
      },
    ];
    expect(grantFormProblems({ ...values, lines })).toEqual({
      'lines.1.overrunReason': 'recordLines.overrunReasonMissing',
    });
    const explained = lines.map((l) => (l.key === 'b' ? { ...l, overrunReason: 'Vorzeitige Schlusszahlung' } : l));
    expect(grantFormProblems({ ...values, lines: explained })).toEqual({});
  });

  it('refuses a line for an organisation that is not a partner', () => {
    const line = {
      key: 'c',
      organisationId: 99,
      source: 'own' as const,
      kind: 'planned' as const,
      amount: 1,
      year: '',
      note: '',
      overrunReason: '',
    };
    expect(grantFormProblems({ ...filled(), lines: [line] })).toEqual({
      'lines.0.organisationId': 'grantForm.lineNotPartner',
    });
  });
});

describe('toCreateGrant', () => {
  it('sends cents, nulls for empty inputs, and an overrun reason only where one is needed', () => {
    const values = filled();
    const input = toCreateGrant(5, {
      ...values,
      lines: [
        {
          key: 'a',
          organisationId: null,
          source: 'eu_erdf',
          kind: 'committed',
          amount: '1.800.000,50',
          year: '2025',
          note: ' ',
          overrunReason: 'left over',
        },
      ],
    });
    expect(input).toMatchObject({
      projectId: 5,
      amountCents: 360000000,
      reference: null,
      decidedOn: null,
      periodEnd: '2026-12-31',
      partners: [
        { organisationId: 10, role: 'lead', shareCents: 240000000 },
        { organisationId: 11, role: 'partner', shareCents: 120000000 },
      ],
      lines: [
        {
          organisationId: null,
          source: 'eu_erdf',
          kind: 'committed',
          amountCents: 180000050,
          year: 2025,
          note: null,
          overrunReason: null,
        },
      ],
    });
  });
});
