import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const admin: SeedUser = {
  email: 'aufrufe@example.org',
  name: 'Anna Aufruf',
  roles: ['admin'],
  password: 'Aufrufe-und-Antraege-2026',
};
// Gets the organisation role for Wirtschaftsförderung Dortmund from the admin during the journey
// (the command line cannot scope roles).
const member: SeedUser = {
  email: 'antrag@example.org',
  name: 'Max Antrag',
  roles: [],
  password: 'Antrag-fuer-Dortmund-2026',
};
const callTitle = 'Transformation der Produktion (E2E)';
const applicationTitle = 'Kompetenzregion grüne Produktion (E2E)';

async function signIn(page: Page, url: string, user: SeedUser): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).waitFor();
}

async function signOut(page: Page, user: SeedUser): Promise<void> {
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await page.getByRole('link', { name: 'Anmelden' }).first().waitFor();
}

/** A JSON call to the API with the session's CSRF token, from inside the page. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(`/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// A member applies to an open call for their agency with a partner; staff review and approve it
// with the award, and the grant appears.
describe('calls journey in Chromium', () => {
  const journey = useJourney({ users: [admin, member] });

  it('opens a call and lets Wirtschaftsförderung Dortmund speak through the member', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    const programmes = await api<{ items: { id: number; slug: string }[] }>(page, 'GET', '/programmes');
    const regio = programmes.items.find((p) => p.slug === 'regio-nrw-transformation');
    const dortmund = await api<{ items: { id: number }[] }>(
      page,
      'GET',
      `/organisations?q=${encodeURIComponent('Wirtschaftsförderung Dortmund')}`,
    );
    await api(page, 'POST', '/calls', {
      programmeId: regio?.id,
      slug: 'transformation-e2e',
      title: callTitle,
      funderName: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW',
      budgetCents: 1_000_000_000,
      opensOn: isoDay(-5),
      closesOn: isoDay(12),
      eligibleTypes: ['development_agency'],
      documents: [{ title: 'Förderaufruf (PDF)', url: 'https://example.org/aufruf.pdf' }],
    });
    const users = await api<{ items: { id: number; email: string }[] }>(page, 'GET', '/users?pageSize=100');
    const account = users.items.find((u) => u.email === member.email);
    await api(page, 'PATCH', `/users/${account?.id}`, {
      roles: [{ role: 'organisation_member', organisationId: dortmund.items[0]?.id }],
    });
    await signOut(page, admin);
  });

  it('lists the open call with its deadline and takes an application with a partner', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, member);
    await page.getByRole('link', { name: 'Förderaufrufe' }).first().click();
    await page.getByRole('heading', { name: 'Förderaufrufe', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Stand' }).click();
    await page.getByRole('option', { name: 'offen', exact: true }).click();
    await page.waitForURL(/status=open/);
    const row = page.getByRole('row', { name: new RegExp(callTitle.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('noch 12 Tage');
    await screenshot(page, 'calls-list');
    await row.getByRole('link', { name: callTitle }).click();
    await page.getByRole('heading', { name: callTitle, level: 1 }).waitFor();
    await page.getByText('Antragsberechtigt sind Wirtschaftsförderungen.').waitFor();
    await screenshot(page, 'calls-detail');

    await page.getByRole('button', { name: 'Antrag stellen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titel des Vorhabens').fill(applicationTitle);
    await dialog.getByLabel('Kurzbeschreibung').fill('Informieren, Coachen, Vernetzen und Transfer.');
    // The lead is the member's own organisation.
    await expect
      .poll(() => dialog.getByRole('combobox', { name: /^Lead-Organisation/ }).inputValue())
      .toBe('Wirtschaftsförderung Dortmund');
    await dialog.getByRole('textbox', { name: /^Betrag Lead/ }).fill('400.000');
    await dialog.getByRole('button', { name: 'Partner hinzufügen' }).click();
    await dialog.getByRole('combobox', { name: /^Partner 1/ }).fill('Wirtschaftsförderung Bochum');
    await page.getByRole('option', { name: 'Wirtschaftsförderung Bochum', exact: true }).click();
    await dialog.getByRole('textbox', { name: /^Betrag Partner 1/ }).fill('320.000');
    await dialog.getByLabel('Beginn').fill(isoDay(30));
    await dialog.getByLabel('Ende').fill(isoDay(30 + 3 * 365));
    await dialog.getByText('Beantragt insgesamt: 720.000 €').waitFor();
    await screenshot(page, 'calls-application-form');
    await dialog.getByRole('button', { name: 'Antrag einreichen' }).click();

    await page.getByRole('heading', { name: applicationTitle, level: 1 }).waitFor();
    await page.getByText('eingereicht', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Zurückziehen' }).count()).toBe(1);
    await signOut(page, member);
  });

  it('lets staff review and approve the application; the grant appears', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    await page.goto(`${server.url}/calls?q=E2E`);
    await page.getByRole('link', { name: callTitle }).click();
    await page.getByRole('heading', { name: 'Anträge', level: 2 }).waitFor();
    await page.getByRole('link', { name: applicationTitle }).click();

    await page.getByRole('button', { name: 'Prüfung beginnen' }).click();
    await page.getByRole('dialog').getByLabel('Kommentar').fill('Unterlagen vollständig');
    await page.getByRole('dialog').getByRole('button', { name: 'In Prüfung nehmen' }).click();
    await page.getByText('Unterlagen vollständig').waitFor();

    await page.getByRole('button', { name: 'Bewilligen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Summe der Anteile: 720.000 €').waitFor();
    await dialog.getByLabel('Förderkennzeichen').fill('REGIO-E2E-1');
    await screenshot(page, 'calls-approval');
    await dialog.getByRole('button', { name: 'Bewilligen und Förderung anlegen' }).click();
    await page.getByText('bewilligt', { exact: true }).first().waitFor();
    await screenshot(page, 'calls-application-approved');

    await page.getByRole('link', { name: 'Zur Förderung' }).click();
    await page.getByRole('heading', { name: applicationTitle, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Wirtschaftsförderung Bochum' }).first().waitFor();
    await page
      .getByText(/^720\.000\s€$/)
      .first()
      .waitFor();
  });
});
