import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const officer: SeedUser = {
  email: 'foerderung@example.org',
  name: 'Fritz Förderung',
  roles: ['programme_office'],
  password: 'Zusagen-und-Auszahlungen-2026',
};
const grantTitle = 'Kompetenzregion grüne Produktion – Regionalmanagement (E2E)';

async function signIn(page: Page, url: string, user: SeedUser): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).waitFor();
}

async function choose(page: Page, combobox: string, option: string, nth = 0): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).nth(nth).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// The funding journey: a programme's money → its lines; record a grant for a project with a
// consortium whose shares add up; a payout beyond the commitment with its reason; the grant list.
describe('grants journey in Chromium', () => {
  const journey = useJourney({ users: [officer] });

  it("shows the ERDF 2007–2013 programme's money, its co-financing and the lines behind a figure", async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/programmes/1`);
    await page.getByRole('heading', { name: 'Mittel', exact: true, level: 2 }).waitFor();
    // The committed total of the beneficiaries list, to the euro.
    await page.getByText('Zugesagt insgesamt: 2.045.515.777 €').waitFor();
    expect(await page.getByText('2,05 Mrd. €').count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: 'Anteile der Kofinanzierung' }).textContent()).toContain(
      'EFRE-Programm (EU + national)',
    );
    await page.getByRole('tab', { name: 'Nach Quelle' }).click();
    await page.getByRole('button', { name: 'Finanzierungszeilen: EFRE-Programm (öffentliche Mittel)' }).click();
    const lines = page.getByRole('region', { name: 'Finanzierungszeilen: EFRE-Programm (öffentliche Mittel)' });
    await lines.getByRole('link').first().waitFor();
    expect(await lines.getByText(/^[\d.]+ Zeilen$/).textContent()).toMatch(/^\d\.\d{3} Zeilen$/);
    await screenshot(page, 'grants-programme-money');
  });

  it("lists the programme's grants from the beneficiaries list and opens one with its provenance", async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Förderungen des Programms' }).click();
    await page.waitForURL(/\/grants\?programmeId=1/);
    await page.getByTestId('grant-total').filter({ hasText: '3.109 Förderungen' }).waitFor();
    await page.getByRole('button', { name: /^Betrag/ }).click();
    await page.waitForURL(/sort=-amount/);
    const table = page.getByRole('table', { name: 'Förderungsliste' });
    await table
      .getByRole('link', { name: 'Management und Durchführung von Vorhaben der EnergieAgentur.NRW' })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Konsortium' }).waitFor();
    expect(await page.getByText('EFRE-2007-550').first().isVisible()).toBe(true);
    const lines = page.getByRole('table', { name: 'Finanzierungszeilen nach Jahr' });
    expect(await lines.textContent()).toMatch(/84\.718\.004\s€/);
    await lines.getByText('Import').first().hover();
    await page.getByRole('tooltip').filter({ hasText: 'erdf_nrw_2007_2013_beneficiaries.csv' }).waitFor();
  });

  it('records a grant for a project: shares must add up before it is saved', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, officer);
    await page.goto(`${server.url}/projects?programmeId=4`);
    await page
      .getByRole('link', { name: /Kompetenzregion für grüne Produktion/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Förderungen' }).waitFor();
    await page.getByRole('link', { name: 'Förderung erfassen' }).click();
    await page.getByRole('heading', { name: 'Förderung erfassen', level: 1 }).waitFor();

    await page.getByLabel('Titel der Förderung').fill(grantTitle);
    await page.getByRole('textbox', { name: 'Fördergeber', exact: true }).fill('Land NRW (MWIKE) mit EFRE-Mitteln');
    await page.getByLabel('Aktenzeichen').fill('EFRE-0801234');
    await page.getByLabel('Bewilligter Betrag').fill('3600000');
    await page.getByLabel('Förderbeginn').fill('2023-04-01');
    await page.getByLabel('Förderende').fill('2026-03-31');
    const shares = page.getByRole('textbox', { name: 'Anteil' });
    expect(await shares.count()).toBe(5);
    for (let i = 0; i < 4; i++) await shares.nth(i).fill('720000');
    await page.getByText('noch zu verteilen: 720.000 €', { exact: false }).waitFor();
    await shares.nth(4).fill('720000');
    await page.getByText('Summe der Anteile 3.600.000 € von 3.600.000 € · passt').waitFor();

    await page.getByRole('button', { name: 'Zeile hinzufügen' }).click();
    await choose(page, 'Quelle', 'EU (EFRE)');
    await page.getByRole('group', { name: 'Zeile 1' }).getByLabel('Betrag').fill('1800000');
    await page.getByRole('group', { name: 'Zeile 1' }).getByLabel('Jahr').fill('2023');
    await screenshot(page, 'grants-form');
    await page.getByRole('button', { name: 'Förderung speichern' }).click();

    await page.getByRole('heading', { name: grantTitle, level: 1 }).waitFor();
    const consortium = page.getByRole('table', { name: 'Partner mit Anteil, Zusage und Auszahlung' });
    expect(await consortium.getByRole('row').count()).toBe(7);
    expect(await consortium.textContent()).toMatch(/Summe3\.600\.000\s€/);
    expect(await page.getByRole('table', { name: 'Anteile der Kofinanzierung' }).textContent()).toMatch(
      /EU1\.800\.000\s€100\s%/,
    );
  });

  it('asks for a reason when a payout exceeds the commitment, and keeps it with the line', async () => {
    const { page } = journey;
    const form = page.getByRole('form', { name: 'Zusage oder Auszahlung erfassen' });
    await form.getByLabel('Betrag').fill('2000000');
    await form.getByLabel('Jahr').fill('2024');
    const reason = form.getByLabel('Begründung für die Überschreitung');
    await reason.waitFor();
    await reason.fill('Vorgezogene Schlusszahlung nach Prüfung des Verwendungsnachweises');
    await form.getByRole('button', { name: 'Zeile speichern' }).click();
    await form.getByText('ausgezahlt: 2.000.000 € gespeichert.').waitFor();
    const lines = page.getByRole('table', { name: 'Finanzierungszeilen nach Jahr' });
    await lines.getByText(/Mehr ausgezahlt als zugesagt: Vorgezogene Schlusszahlung/).waitFor();
    await screenshot(page, 'grants-detail');
  });

  it('lists the grant under its programme and opens it', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/grants`);
    await choose(page, 'Programm', 'Regio.NRW – Transformation');
    await page.waitForURL(/programmeId=4/);
    const table = page.getByRole('table', { name: 'Förderungsliste' });
    await table.getByRole('link', { name: grantTitle }).waitFor();
    expect(await table.textContent()).toMatch(/3\.600\.000\s€/);
    expect(await page.getByTestId('grant-total').textContent()).toMatch(/^\d+ Förderung(en)?$/);
    await screenshot(page, 'grants-list');
    await table.getByRole('link', { name: grantTitle }).click();
    await page.getByRole('heading', { name: 'Konsortium' }).waitFor();
    expect(await page.getByText('Gefördert von Land NRW (MWIKE) mit EFRE-Mitteln').isVisible()).toBe(true);
  });
});
