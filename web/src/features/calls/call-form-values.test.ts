import { describe, expect, it } from 'vitest';
import { callFormProblems, emptyCallValues, slugOf, toCreateCall } from './call-form-values';

describe('call form values', () => {
  it('suggests a short name from a German title', () => {
    expect(slugOf('Förderung für Größe & Übergänge 2026!')).toBe('foerderung-fuer-groesse-uebergaenge-2026');
  });

  it('finds missing fields and dates the wrong way round', () => {
    const values = { ...emptyCallValues(undefined), opensOn: '2026-05-01', closesOn: '2026-04-01' };
    expect(callFormProblems(values, true)).toMatchObject({
      programmeId: 'callForm.programmeMissing',
      slug: 'callForm.slugInvalid',
      title: 'callForm.titleMissing',
      funderName: 'callForm.funderMissing',
      closesOn: 'callForm.closesBeforeOpening',
    });
  });

  it('sends euros as cents and empty inputs as null', () => {
    const values = {
      ...emptyCallValues(3),
      slug: 'wasserstoff',
      title: ' Wasserstoff ',
      funderName: 'Land NRW',
      budget: 2_500_000.5,
      documents: [{ key: 'd', title: 'Aufruf', url: ' https://example.org/a.pdf ' }],
    };
    expect(callFormProblems(values, true)).toEqual({});
    expect(toCreateCall(values)).toMatchObject({
      programmeId: 3,
      title: 'Wasserstoff',
      budgetCents: 250_000_050,
      description: null,
      opensOn: null,
      documents: [{ title: 'Aufruf', url: 'https://example.org/a.pdf' }],
    });
  });
});
