import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const admin: SeedUser = {
  email: 'aufrufformular@example.org',
  name: 'Paula Programmbüro',
  roles: ['admin'],
  password: 'Aufruf-Formular-2026',
};
const callTitle = 'Wasserstoff im Mittelstand (E2E-Formular)';
const editedTitle = 'Wasserstoff im Mittelstand 2027 (E2E-Formular)';

async function signIn(page: Page, url: string, user: SeedUser): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).waitFor();
}

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const escaped = (text: string) => new RegExp(text.replace(/[()]/g, '\\$&'));

// The programme office creates a call with the form, finds it in the list and edits it.
describe('call form in Chromium', () => {
  const journey = useJourney({ users: [admin] });

  it('creates a call with the form and lists it', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    await page.goto(`${server.url}/calls`);
    await page.getByRole('heading', { name: 'Förderaufrufe', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Aufruf anlegen' }).click();
    await page.getByRole('heading', { name: 'Aufruf anlegen', level: 1 }).waitFor();

    const form = page.getByRole('form', { name: 'Aufruf anlegen' });
    await form.getByRole('combobox', { name: 'Programm' }).click();
    await page.getByRole('option').first().click();
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill(callTitle);
    // The short name is suggested from the title.
    expect(await form.getByRole('textbox', { name: 'Kurzname für Adressen' }).inputValue()).toBe(
      'wasserstoff-im-mittelstand-e2e-formular',
    );
    await form.getByLabel('Beschreibung').fill('Pilotanlagen und Qualifizierung für Wasserstoff in KMU.');
    await form.getByRole('textbox', { name: 'Fördergeber', exact: true }).fill('Land NRW');
    await form.getByRole('textbox', { name: 'Budget' }).fill('2.500.000');
    await form.getByLabel('Öffnet am').fill(isoDay(10));
    await form.getByLabel('Schließt am').fill(isoDay(-1));
    await form.getByRole('combobox', { name: 'Organisationsarten' }).click();
    await page.getByRole('option', { name: 'Unternehmen', exact: true }).click();
    await page.getByRole('option', { name: 'Hochschule', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Dokument hinzufügen' }).click();
    await form.getByLabel('Dokument 1: Titel').fill('Förderaufruf (PDF)');
    await form.getByLabel('Dokument 1: Adresse').fill('https://example.org/wasserstoff.pdf');

    // Closing before opening is caught at its field.
    await form.getByRole('button', { name: 'Aufruf anlegen' }).click();
    await form.getByText('Der Schluss liegt vor der Öffnung.').waitFor();
    await form.getByLabel('Schließt am').fill(isoDay(60));
    await screenshot(page, 'call-form');
    await form.getByRole('button', { name: 'Aufruf anlegen' }).click();

    await page.getByRole('heading', { name: callTitle, level: 1 }).waitFor();
    await page.getByText('Förderaufruf (PDF)').waitFor();
    expect(await page.getByText('2.500.000', { exact: false }).count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/calls?q=Wasserstoff`);
    const row = page.getByRole('row', { name: escaped(callTitle) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Land NRW');
  });

  it('edits the call from its page', async () => {
    const { page } = journey;
    await page
      .getByRole('row', { name: escaped(callTitle) })
      .getByRole('link', { name: callTitle })
      .click();
    await page.getByRole('heading', { name: callTitle, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { name: 'Aufruf bearbeiten', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Aufruf bearbeiten' });
    expect(await form.getByRole('textbox', { name: 'Budget' }).inputValue()).toBe('2.500.000 €');
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill(editedTitle);
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: editedTitle, level: 1 }).waitFor();
  });
});
