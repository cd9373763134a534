import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const admin: SeedUser = {
  email: 'challenges-admin@example.org',
  name: 'Clara Konten',
  roles: ['admin'],
  password: 'Konten-fuer-Challenges-2026',
};
// Both get their organisation role from the admin during the journey (the command line cannot scope
// roles): the cluster manager speaks for the steel maker, the firm's user for the firm invited.
const clusterManager: SeedUser = {
  email: 'cluster@example.org',
  name: 'Carla Cluster',
  roles: [],
  password: 'Cluster-stellt-Challenges-2026',
};
const firmUser: SeedUser = {
  email: 'firma@example.org',
  name: 'Finn Firma',
  roles: [],
  password: 'Firma-antwortet-2026',
};
const owner = 'ThyssenKrupp Steel Europe AG';
const title = 'Recyclingfähige Schutzkleidung für die Stahlproduktion (E2E)';
const problem =
  'Unsere Beschäftigten am Hochofen tragen Schutzkleidung, die nach kurzer Zeit entsorgt wird. Wir suchen Designer und ' +
  'Textilunternehmen, die Schutzkleidung aus recycelten Fasern entwickeln – gern mit Sensorik, die Hitze meldet.';

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

/** Replaces a user's roles, as the signed-in admin. */
async function grantRole(page: Page, email: string, role: string, organisationId: number): Promise<void> {
  const users = await api<{ items: { id: number; email: string }[] }>(page, 'GET', '/users?pageSize=100');
  const account = users.items.find((u) => u.email === email);
  await api(page, 'PATCH', `/users/${account?.id}`, { roles: [{ role, organisationId }] });
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

// A cluster manager posts a cross-innovation challenge for a steel maker, with concepts suggested from the
// text; invites a firm the matching suggests; the firm's user submits a solution; the owner side
// shortlists and selects it.
describe('challenges journey in Chromium', () => {
  const journey = useJourney({ users: [admin, clusterManager, firmUser] });
  const invited = { id: 0, name: '' };
  let challengePath = '';

  it('posts a challenge with concepts suggested from its text', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    const steel = await api<{ items: { id: number; name: string }[] }>(
      page,
      'GET',
      `/organisations?q=${encodeURIComponent(owner)}`,
    );
    const steelId = steel.items.find((o) => o.name === owner)?.id ?? 0;
    await grantRole(page, clusterManager.email, 'cluster_manager', steelId);
    await signOut(page, admin);

    await signIn(page, server.url, clusterManager);
    await page.getByRole('link', { name: 'Challenges', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Cross-Innovation-Challenges', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Challenge ausschreiben' }).click();

    const form = page.getByRole('form', { name: 'Challenge ausschreiben' });
    // The one organisation the cluster manager speaks for.
    await expect.poll(() => form.getByRole('combobox', { name: /^Organisation/ }).inputValue()).toBe(owner);
    await form.getByRole('textbox', { name: /^Titel/ }).fill(title);
    await form.getByRole('textbox', { name: /^Problembeschreibung/ }).fill(problem);
    // Suggested from the text a moment after typing stops, each removable; more are added by search.
    const concepts = form.getByRole('list', { name: 'Begriffe' });
    await concepts.getByText('Textil und Mode', { exact: true }).waitFor();
    await concepts.getByText('Design', { exact: true }).waitFor();
    await form.getByRole('button', { name: 'Stahl und Metalle entfernen' }).click();
    await form.getByRole('combobox', { name: 'Begriff hinzufügen' }).fill('Kunststoff');
    await page.getByRole('option', { name: /^Kunststoffe · Technologiefeld/ }).click();
    await concepts.getByText('Kunststoffe', { exact: true }).waitFor();
    expect(await concepts.getByText('Stahl und Metalle', { exact: true }).count()).toBe(0);
    await form.getByLabel(/^Frist\s*\*?$/).fill(isoDay(21));
    await screenshot(page, 'challenges-form');
    await form.getByRole('button', { name: 'Challenge ausschreiben' }).click();

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    challengePath = new URL(page.url()).pathname;
    await page.getByText('noch 21 Tage').first().waitFor();
    const topics = page.getByRole('region', { name: 'Branche und Technologie' });
    await topics.getByText('Kunststoffe', { exact: true }).waitFor();
    expect(await topics.getByText('Stahl und Metalle', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: owner }).first().waitFor();
  });

  it('shows invitee suggestions with reasons and invites a suggested firm', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: 'Vorschläge' }).click();
    await page.waitForURL(/tab=suggestions/);
    // A firm ("Unternehmen · <country>"), with its fit and the reasons it is suggested.
    const suggestion = page
      .getByRole('article')
      .filter({ hasText: /Unternehmen ·/ })
      .first();
    await suggestion.waitFor();
    invited.name = (await suggestion.getAttribute('aria-label')) ?? '';
    expect(invited.name).not.toBe('');
    expect(await suggestion.getByText('Passung').count()).toBe(1);
    expect(await suggestion.getByText(/\d+\s%/).count()).toBe(1);
    expect(await suggestion.getByRole('listitem').count()).toBeGreaterThan(0);
    const link = await suggestion.getByRole('link', { name: invited.name }).getAttribute('href');
    invited.id = Number(link?.split('/').pop());
    await screenshot(page, 'challenges-suggestions');
    await suggestion.getByRole('button', { name: `${invited.name} einladen` }).click();
    await page.getByText(`${invited.name} ist eingeladen.`).waitFor();

    await page.getByRole('tab', { name: 'Einladungen (1)' }).click();
    const row = page.getByRole('row', { name: new RegExp(invited.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.getByText('noch keine Lösung').waitFor();
    await signOut(page, clusterManager);
  });

  it('lets the invited firm submit a solution once', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    await grantRole(page, firmUser.email, 'organisation_member', invited.id);
    await signOut(page, admin);

    await signIn(page, server.url, firmUser);
    await page.goto(`${server.url}/challenges?status=open`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Lösung einreichen' }).click();
    const dialog = page.getByRole('dialog');
    // The firm's own organisation is the only one the user speaks for.
    await expect
      .poll(() => dialog.getByRole('combobox', { name: /^Einreichende Organisation/ }).inputValue())
      .toBe(invited.name);
    await dialog
      .getByRole('textbox', { name: /^Ihr Lösungsvorschlag/ })
      .fill('Schutzkleidung aus recyceltem Aramid mit eingewebten Temperatursensoren; Pilot in drei Monaten.');
    await screenshot(page, 'challenges-response-form');
    await dialog.getByRole('button', { name: 'Lösung einreichen' }).click();
    await page.getByText('Ihre Lösung ist eingereicht.', { exact: false }).waitFor();
    const own = page.getByRole('region', { name: 'Ihre Einreichung' });
    await own.getByText('eingereicht', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Lösung einreichen' }).count()).toBe(0);
    await signOut(page, firmUser);
  });

  it('lets the owner side shortlist and then select the solution', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, clusterManager);
    await page.goto(`${server.url}${challengePath}`);
    const response = page.getByRole('article', { name: invited.name });
    await response.getByText('eingereicht', { exact: true }).waitFor();
    // Selecting is only offered from the shortlist.
    expect(await response.getByRole('button', { name: /^Auswählen/ }).count()).toBe(0);
    await response.getByRole('button', { name: /^In die engere Wahl/ }).click();
    await response.getByText('in der engeren Wahl', { exact: true }).waitFor();
    await response.getByRole('button', { name: /^Auswählen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Lösung auswählen' });
    await dialog.getByRole('button', { name: 'Auswählen' }).click();
    await response.getByText('ausgewählt', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await response.getByRole('button').count()).toBe(0);
    await page.getByRole('tab', { name: 'Einreichungen (1)' }).waitFor();
    await screenshot(page, 'challenges-selected');

    await page.getByRole('tab', { name: 'Einladungen (1)' }).click();
    await page.getByRole('row', { name: /ausgewählt/ }).waitFor();
  });
});
