import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, type SeedUser, screenshot, startServer } from './harness';

const office: SeedUser = {
  email: 'programmbuero@example.org',
  name: 'Paula Programmbüro',
  roles: ['programme_office'],
  password: 'Ruhrgebiet-ist-Zukunft-2026',
};
const admin: SeedUser = {
  email: 'admin@example.org',
  name: 'Ada Admin',
  roles: ['admin'],
  password: 'ein-langes-Passwort-1',
};
const project = 'Familiengrundschulzentren';
const comment = 'Start an den ersten zwölf Schulen (E2E)';

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
  await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).waitFor();
}

/** Lets a modal finish its opening transition before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function openProject(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/projects`);
  await page.getByRole('search', { name: 'Filter' }).getByLabel('Suche').fill(project);
  await page.waitForURL(/q=Familiengrundschulzentren/);
  await page.getByRole('table', { name: 'Projektliste' }).getByRole('link', { name: project }).click();
  await page.getByRole('heading', { name: project, level: 1 }).waitFor();
}

// The programme office changes a Ruhr-Konferenz project's status; the admin finds it in the audit log.
describe('accounts, editing and audit in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ users: [office, admin] });
    browser = await launchBrowser();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      console.error(`Screenshot: ${await screenshot(page, `failed-${ctx.task.name}`)}`);
    }
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    return page;
  }

  it('lets the programme office change a status and the admin find it in the audit log', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await screenshot(page, 'accounts-login');

    // A wrong password is refused with a clear message.
    await page.getByLabel('E-Mail-Adresse').fill(office.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill('falsches-Passwort-123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
    await screenshot(page, 'accounts-login-failed');

    await signIn(page, server.url, office);
    expect(await page.getByRole('button', { name: 'Verwaltung' }).count()).toBe(0);

    // The audit log is for admins only.
    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('heading', { name: 'Kein Zugriff' }).waitFor();

    await openProject(page, server.url);
    await page.getByRole('button', { name: 'Bearbeiten' }).waitFor();
    await page.getByRole('button', { name: 'Status ändern' }).click();
    const dialog = page.getByRole('dialog', { name: 'Status ändern' });
    await dialog.getByRole('combobox', { name: 'Neuer Status' }).click();
    await page.getByRole('option', { name: 'In Umsetzung' }).click();
    expect(await dialog.getByLabel('Geändert am').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByLabel('Kommentar').fill(comment);
    await settle(page);
    await screenshot(page, 'accounts-status-change-modal');
    await dialog.getByRole('button', { name: 'Status speichern' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The timeline shows the new entry, entered by hand in Standort.
    const timeline = page.getByRole('region', { name: 'Statusverlauf' });
    await timeline.getByText(comment).waitFor();
    expect(await timeline.textContent()).toContain('In Umsetzung');
    expect(await timeline.textContent()).toContain('In Standort erfasst');
    await screenshot(page, 'accounts-project-after-status-change');

    // The edit form opens with the project's data.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Projekt bearbeiten' });
    expect(await editDialog.getByLabel('Titel').inputValue()).toBe(project);
    await settle(page);
    await screenshot(page, 'accounts-project-edit-modal');
    await editDialog.getByRole('button', { name: 'Abbrechen' }).click();

    await signOut(page, office);

    await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Benutzermenü von ${admin.name}` }).waitFor();

    await page.getByRole('button', { name: 'Verwaltung' }).click();
    await page.getByRole('menuitem', { name: 'Audit-Log' }).click();
    await page.getByRole('heading', { name: 'Audit-Log', level: 1 }).waitFor();
    const row = page
      .getByRole('table', { name: /Audit-Log/ })
      .getByRole('row')
      .filter({ hasText: 'Statusänderung' })
      .filter({ has: page.getByRole('link', { name: project }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(office.name);
    await row.getByRole('button', { name: 'Details' }).click();
    const details = page.locator('[id^="audit-entry-"]');
    await details.getByText('in_progress').first().waitFor();
    await screenshot(page, 'accounts-audit-log');

    // Filters narrow the list, and the CSV link carries them.
    await page.getByRole('combobox', { name: 'Aktion' }).click();
    await page.getByRole('option', { name: 'Statusänderung' }).click();
    await page.waitForURL(/action=status_change/);
    const csv = await page.getByRole('link', { name: 'CSV exportieren' }).getAttribute('href');
    expect(csv).toBe('/api/audit/export.csv?action=status_change');
    await expect.poll(() => page.getByText(/^\d+ Eintr(ag|äge)$/).textContent()).toBe('1 Eintrag');

    await signOut(page, admin);
  });

  it('shows the account page, the account administration and the editing of a programme', async () => {
    const page = await newPage();
    await signIn(page, server.url, admin);

    await page.getByRole('button', { name: `Benutzermenü von ${admin.name}` }).click();
    await page.getByRole('menuitem', { name: 'Mein Konto' }).click();
    await page.getByRole('heading', { name: 'Mein Konto', level: 1 }).waitFor();
    await page.getByText('diese Sitzung').waitFor();
    expect(await page.getByRole('region', { name: 'Profil' }).textContent()).toContain('Administration');

    // A new token is shown once, with a copy button.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Monatsbericht');
    await page.getByRole('checkbox', { name: /Audit-Log lesen/ }).check();
    await page.getByRole('button', { name: 'Token erzeugen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Token „Monatsbericht“ erzeugt' })
      .getByText(/^stdt_/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Kopieren' }).isVisible()).toBe(true);
    await screenshot(page, 'accounts-account-page');

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('table', { name: 'Konten' }).getByText(office.name).waitFor();
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Konto anlegen' });
    await dialog.getByLabel('E-Mail-Adresse').fill('cluster@example.org');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Clara Cluster');
    await dialog.getByRole('button', { name: 'Rolle hinzufügen' }).click();
    await dialog.getByRole('combobox', { name: 'Rolle 1' }).click();
    await page.getByRole('option', { name: 'Clustermanagement' }).click();
    await dialog.getByLabel('Organisation Nr.').fill('12');
    await settle(page);
    await screenshot(page, 'accounts-user-create-modal');
    await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Konten' }).getByText('Clustermanagement · Organisation Nr. 12').waitFor();
    await screenshot(page, 'accounts-users');

    // The programme dashboard offers editing to admins.
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Programm anlegen' }).waitFor();
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Programm bearbeiten' });
    expect(await edit.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Ruhr-Konferenz');
    await settle(page);
    await screenshot(page, 'accounts-programme-edit-modal');
    await edit.getByRole('button', { name: 'Abbrechen' }).click();
    await screenshot(page, 'accounts-dashboard-editor');

    // A field of action is renamed in place; a name the programme already has is refused at the field.
    const fields = page.getByRole('region', { name: 'Projekte nach Handlungsfeld' });
    const editButtons = fields.getByRole('button', { name: /^Bearbeiten: / });
    const [first, second] = await Promise.all([0, 1].map((n) => editButtons.nth(n).getAttribute('aria-label')));
    const firstName = (first ?? '').replace(/^Bearbeiten: /, '');
    const secondName = (second ?? '').replace(/^Bearbeiten: /, '');
    await editButtons.nth(1).click();
    const fieldDialog = page.getByRole('dialog', { name: 'Handlungsfeld in Ruhr-Konferenz bearbeiten' });
    const nameInput = fieldDialog.getByRole('textbox', { name: 'Name' });
    expect(await nameInput.inputValue()).toBe(secondName);
    await nameInput.fill(firstName);
    await fieldDialog.getByRole('button', { name: 'Speichern' }).click();
    await fieldDialog.getByText('Dieses Programm hat schon ein Handlungsfeld mit diesem Namen.').waitFor();
    await settle(page);
    await screenshot(page, 'accounts-field-of-action-edit-modal');
    await nameInput.fill(`${secondName} (umbenannt)`);
    await fieldDialog.getByRole('button', { name: 'Speichern' }).click();
    await fieldDialog.waitFor({ state: 'detached' });
    await fields.getByRole('link', { name: `${secondName} (umbenannt)` }).waitFor();
  });

  it('lets an admin export and erase the data of a person', async () => {
    const page = await newPage();
    await signIn(page, server.url, admin);

    // Everyone can download their own data from their account page.
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { id: number };
    await page.goto(`${server.url}/account`);
    const myData = page.getByRole('region', { name: 'Meine Daten' });
    const myLink = myData.getByRole('link', { name: 'Meine Daten herunterladen (JSON)' });
    expect(await myLink.getAttribute('href')).toBe(`/api/users/${me.id}/personal-data`);

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const create = page.getByRole('dialog', { name: 'Konto anlegen' });
    await create.getByLabel('E-Mail-Adresse').fill('erika@example.org');
    await create.getByRole('textbox', { name: 'Name', exact: true }).fill('Erika Ehemalig');
    await create.getByRole('button', { name: 'Konto anlegen' }).click();
    await create.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Konten' });
    await table.getByText('Erika Ehemalig').waitFor();
    const found = (await (await page.request.get(`${server.url}/api/users?q=erika`)).json()) as {
      items: { id: number }[];
    };
    const erikaId = found.items[0]?.id;
    expect(erikaId).toBeGreaterThan(0);

    // The row's "Datenschutz" menu links to the person's data, which comes as a JSON attachment.
    await table.getByRole('button', { name: 'Datenschutz: Erika Ehemalig' }).click();
    const exportItem = page.getByRole('menuitem', { name: 'Daten exportieren' });
    const href = await exportItem.getAttribute('href');
    expect(href).toBe(`/api/users/${erikaId}/personal-data`);
    expect(await page.getByRole('menuitem', { name: 'Person löschen' }).count()).toBe(1);
    await settle(page);
    await screenshot(page, 'accounts-users-privacy-menu');
    await page.keyboard.press('Escape');
    await exportItem.waitFor({ state: 'detached' });
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    expect(JSON.stringify(await download.json())).toContain('erika@example.org');

    // Admins cannot erase themselves; the edit dialog offers the same actions as the row.
    await table.getByRole('button', { name: `Datenschutz: ${admin.name}` }).click();
    await page.getByRole('menuitem', { name: 'Daten exportieren' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Person löschen' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Daten exportieren' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'Bearbeiten: Erika Ehemalig' }).click();
    const edit = page.getByRole('dialog', { name: 'Konto von Erika Ehemalig bearbeiten' });
    expect(await edit.getByRole('link', { name: 'Daten exportieren: Erika Ehemalig' }).getAttribute('href')).toBe(href);
    await settle(page);
    await screenshot(page, 'accounts-user-edit-modal');
    await edit.getByRole('button', { name: 'Person löschen: Erika Ehemalig' }).click();

    const confirm = page.getByRole('dialog', { name: 'Person löschen' });
    await confirm.getByText(`„Gelöschte Person ${erikaId}“`, { exact: false }).waitFor();
    expect(await confirm.textContent()).toContain('Das lässt sich nicht rückgängig machen.');
    await edit.waitFor({ state: 'detached' });
    await settle(page);
    await screenshot(page, 'accounts-users-erase-confirm');
    await confirm.getByRole('button', { name: 'Endgültig löschen' }).click();
    await confirm.waitFor({ state: 'detached' });

    // The person is gone from the list; what they did stays, under "Gelöschte Person N".
    await page.getByRole('status').filter({ hasText: 'Person gelöscht' }).waitFor();
    await expect.poll(() => table.getByText('Erika Ehemalig').count()).toBe(0);
    await screenshot(page, 'accounts-users-after-erase');
    const after = (await (await page.request.get(`${server.url}/api/users/${erikaId}`)).json()) as { name: string };
    expect(after.name).toBe(`Gelöschte Person ${erikaId}`);
  });

  it('offers single sign-on only when it is set up, and explains why one failed', async () => {
    const page = await newPage();
    // The e2e server runs without OIDC: the sign-in page asks, and offers passwords only.
    const status = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/oidc');
    await page.goto(`${server.url}/login`);
    expect(await (await status).json()).toEqual({ enabled: false });
    await page.getByRole('button', { name: 'Anmelden', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Single Sign-on|Anmelden mit/ }).count()).toBe(0);
    expect(await page.getByText('oder', { exact: true }).count()).toBe(0);

    // With single sign-on set up (the answer stubbed here), the button leaves for the server's
    // sign-in route and names where to come back to; a failed attempt comes back with its reason.
    await page.route(
      (url) => url.pathname === '/api/auth/oidc',
      (route) => route.fulfill({ json: { enabled: true, name: 'Ruhr-ID' } }),
    );
    await page.route(
      (url) => url.pathname === '/api/auth/oidc/login',
      (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Anmeldedienst</h1>' }),
    );
    await page.goto(`${server.url}/login?redirect=%2Fadmin%2Faudit&error=sso_domain`);
    await page.getByText('Für diese E-Mail-Domain ist kein Zugang vorgesehen.', { exact: false }).waitFor();
    const sso = page.getByRole('button', { name: 'Anmelden mit Ruhr-ID' });
    await sso.waitFor();
    await screenshot(page, 'accounts-login-sso');
    await sso.click();
    await page.waitForURL(`${server.url}/api/auth/oidc/login?returnTo=%2Fadmin%2Faudit`);
  });

  it('shows anonymous visitors no administration and no edit buttons', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().waitFor();
    const banner = page.getByRole('banner');
    // Once the header offers "Anmelden", the app knows nobody is signed in.
    await banner.getByRole('link', { name: 'Anmelden' }).waitFor();
    expect(await banner.getByText('Verwaltung').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Programm anlegen' }).count()).toBe(0);

    // The audit log sends visitors to the sign-in page, and back there afterwards.
    await page.goto(`${server.url}/admin/audit`);
    await page.waitForURL(/\/login\?redirect=%2Fadmin%2Faudit/);
    await page.getByText('Für diese Seite müssen Sie angemeldet sein.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'accounts-login-redirect');

    await openProject(page, server.url);
    await page.getByRole('heading', { name: 'Statusverlauf' }).waitFor();
    for (const name of ['Bearbeiten', 'Status ändern']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    for (const name of ['Bearbeiten', 'Handlungsfeld hinzufügen', 'Projekt anlegen']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }

    // Forgotten password: the same answer whether or not the address has an account.
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.getByLabel('E-Mail-Adresse').fill('niemand@example.org');
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await page.getByText('Wenn ein Konto existiert, haben wir eine E-Mail geschickt.').waitFor();
    await screenshot(page, 'accounts-forgot-password');

    await page.goto(`${server.url}/reset-password?token=${'x'.repeat(43)}`);
    await page.getByRole('textbox', { name: 'Neues Passwort', exact: true }).fill('kurz');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Das Passwort braucht mindestens 12 Zeichen.').waitFor();
    await page.getByRole('textbox', { name: 'Neues Passwort', exact: true }).fill('ein-ganz-neues-Passwort');
    await page.getByRole('textbox', { name: 'Neues Passwort wiederholen' }).fill('ein-ganz-neues-Passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Dieser Link ist ungültig, abgelaufen oder wurde bereits benutzt.').waitFor();
    await screenshot(page, 'accounts-reset-password');
  });
});
