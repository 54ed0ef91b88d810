import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { skipUnless } from '../support/require.js';
import { launchBrowser, screenshot, signIn, skipWithoutChromium } from '../support/browser.js';

const CLIENT_DIST = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist', 'index.html');
const skip = skipWithoutChromium() || skipUnless(fs.existsSync(CLIENT_DIST), 'the built client (npm run build -w client)');

describe.skipIf(skip)('two people writing one report in real Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  const contexts: BrowserContext[] = [];
  let reportPath = '';
  let meetingId = '';
  let lisa: Page;
  let omar: Page;

  async function person(email: string, role: string, name: string): Promise<Page> {
    await server.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { email, password: 'long enough password', role, name } }, admin);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, email, 'long enough password', reportPath);
    await page.waitForSelector('.ProseMirror');
    return page;
  }

  /** The document's text, without the other people's caret labels drawn inside it. */
  const text = (page: Page) => page.evaluate(() => {
    const copy = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
    const created = await server.gql(`mutation { createMeeting(input: { date: "2026-11-20", kind: MEETING, title: "Lerend netwerk november", location: "Brussel" }) { id report { id } } }`, {}, admin);
    meetingId = created.data.createMeeting.id;
    reportPath = `/reports/${created.data.createMeeting.report.id}`;
    browser = await launchBrowser();
    lisa = await person('lisa@atelier.test', 'EDITOR', 'Lisa');
    omar = await person('omar@atelier.test', 'EDITOR', 'Omar');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('converges while both type', async () => {
    await lisa.click('.ProseMirror');
    await lisa.keyboard.type('Check-in: iedereen deelt zijn verwachtingen. ');
    await omar.click('.ProseMirror');
    await omar.keyboard.press('End');
    await omar.keyboard.type('Omar vult aan. ');
    await expect.poll(() => text(omar), { timeout: 5000 }).toContain('Check-in: iedereen');
    await expect.poll(() => text(lisa), { timeout: 5000 }).toContain('Omar vult aan');
    await expect.poll(async () => (await text(lisa)) === (await text(omar)), { timeout: 5000 }).toBe(true);
    await lisa.waitForSelector('.sync-status[data-status=saved]');
  });

  it('undoes only one\'s own changes', async () => {
    await omar.click('.ProseMirror');
    await omar.keyboard.press('End');
    await omar.keyboard.type(' Alleen van Omar.');
    await expect.poll(() => text(lisa), { timeout: 5000 }).toContain('Alleen van Omar.');
    await lisa.click('.ProseMirror');
    await lisa.keyboard.press('End');
    await lisa.keyboard.type(' Van Lisa.');
    await expect.poll(() => text(omar), { timeout: 5000 }).toContain('Van Lisa.');
    await omar.keyboard.press('Control+z');
    await expect.poll(() => text(lisa), { timeout: 5000 }).not.toContain('Alleen van Omar.');
    expect(await text(lisa)).toContain('Van Lisa.');
  });

  it('shows each the other\'s caret with a name, and who is here', async () => {
    await expect.poll(() => lisa.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 5000 }).toContain('Omar');
    await expect.poll(() => omar.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 5000 }).toContain('Lisa');
    expect(await lisa.locator('.presence').innerText()).toContain('Omar');
    await screenshot(lisa, '20-editor-lisa');
    await screenshot(omar, '21-editor-omar');
  });

  it('keeps what is typed offline and delivers it on reconnect', async () => {
    await lisa.context().setOffline(true);
    await lisa.waitForSelector('.sync-status[data-status=offline]', { timeout: 10_000 });
    await lisa.click('.ProseMirror');
    await lisa.keyboard.press('End');
    await lisa.keyboard.type('Zonder verbinding geschreven.');
    await screenshot(lisa, '22-editor-offline');
    await lisa.context().setOffline(false);
    await expect.poll(() => text(omar), { timeout: 15_000 }).toContain('Zonder verbinding geschreven.');
    await lisa.waitForSelector('.sync-status[data-status=saved]', { timeout: 10_000 });
  });

  it('turns a [[ link to a method into an edge: the method page lists this report', async () => {
    await lisa.click('.ProseMirror');
    await lisa.keyboard.press('End');
    await lisa.keyboard.press('Enter');
    await lisa.keyboard.type('We sloten af met een [[World');
    await lisa.waitForSelector('.link-picker button');
    await lisa.keyboard.press('Enter');
    await lisa.waitForSelector('.ProseMirror a.graph-link--method');
    await expect.poll(async () => {
      const result = await server.gql(`{ method(key: "world-cafe") { meetings { id } mentions { origin } } }`, {}, admin);
      return result.data.method.meetings.some((m: any) => m.id === meetingId) && result.data.method.mentions.some((m: any) => m.origin === 'EDITOR');
    }, { timeout: 5000 }).toBe(true);
    await expect.poll(() => omar.locator('.ProseMirror a.graph-link--method').count(), { timeout: 5000 }).toBe(1);
  });

  it('saves a selected passage as a good practice that search finds', async () => {
    await lisa.click('.ProseMirror');
    await lisa.keyboard.press('End');
    await lisa.keyboard.press('Enter');
    await lisa.keyboard.type('Samen koken na de les bouwt vertrouwen op');
    await lisa.keyboard.down('Shift');
    for (let i = 0; i < 'Samen koken na de les bouwt vertrouwen op'.length; i++) await lisa.keyboard.press('ArrowLeft');
    await lisa.keyboard.up('Shift');
    await lisa.click('.bubble-button');
    await lisa.waitForSelector('[role=dialog]');
    await lisa.locator('.check-grid label', { hasText: 'Motivatie' }).locator('input').check();
    await screenshot(lisa, '23-editor-practice-dialog');
    await lisa.click('[role=dialog] button[type=submit]');
    await lisa.waitForSelector('.ProseMirror mark.practice-mark');
    const saved = lisa.locator('.notice', { hasText: 'Bewaard als goede praktijk' });
    await saved.waitFor();
    await expect.poll(async () => {
      const result = await server.gql(`{ search(query: "samen koken vertrouwen") { hits { kind title } } }`, {}, admin);
      return result.data.search.hits.some((hit: any) => hit.kind === 'PRACTICE' && /Samen koken/.test(hit.title));
    }, { timeout: 5000 }).toBe(true);
    const practices = await server.gql(`{ practices(theme: "motivation") { edges { node { title anchorJson meeting { id } } } } }`, {}, admin);
    const practice = practices.data.practices.edges.find((e: any) => /Samen koken/.test(e.node.title)).node;
    expect(practice.meeting.id).toBe(meetingId);
    expect(JSON.parse(practice.anchorJson)).toHaveProperty('from');
    // The confirmation goes after a few seconds rather than staying above the text for good.
    await saved.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('lets a viewer read but not type', async () => {
    const viewer = await person('viewer@atelier.test', 'VIEWER', 'Vera');
    await expect.poll(() => text(viewer), { timeout: 5000 }).toContain('Check-in: iedereen');
    expect(await viewer.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await viewer.locator('.notice').innerText()).toContain('je rol laat niet toe');
    // A reader has nothing to save: the status says the text is live, not that changes are saved.
    await viewer.waitForSelector('.sync-status[data-status=live]');
    const before = await text(lisa);
    await viewer.click('.ProseMirror');
    await viewer.keyboard.type('Poging van een lezer');
    await viewer.waitForTimeout(500);
    expect(await text(lisa)).toBe(before);
    // Typing into text that cannot be edited leaves the focus on the page itself, which shows no frame.
    expect(await viewer.locator('main').evaluate((main) => main === document.activeElement && getComputedStyle(main).outlineStyle)).toBe('none');
    await screenshot(viewer, '24-editor-viewer');
    // Offline, a reader is told what they see, not that changes are kept: they have none.
    await viewer.context().setOffline(true);
    await expect.poll(() => viewer.locator('.sync-status').innerText(), { timeout: 10_000 }).toBe('Offline — je ziet de laatst ontvangen versie');
    await viewer.context().setOffline(false);
    await viewer.waitForSelector('.sync-status[data-status=live]', { timeout: 10_000 });
  });

  it('keeps a named version, restores it for everyone, and lets the restore be undone', async () => {
    await lisa.getByRole('button', { name: 'Geschiedenis' }).click();
    await lisa.getByLabel('Naam van deze versie').fill('Voor de pauze');
    await lisa.getByRole('button', { name: 'Versie bewaren' }).click();
    const named = lisa.locator('.version-list li', { hasText: 'Voor de pauze' });
    await named.waitFor();
    await lisa.click('.ProseMirror');
    await lisa.keyboard.press('Control+End');
    await lisa.keyboard.type(' Na de pauze toegevoegd.');
    // Restored only once the addition is stored (Omar has it), or the two would be concurrent edits.
    await expect.poll(() => text(omar), { timeout: 5000 }).toContain('Na de pauze toegevoegd.');
    await named.getByRole('button', { name: 'Terugzetten' }).click();
    await expect.poll(() => text(omar), { timeout: 5000 }).not.toContain('Na de pauze toegevoegd.');
    expect(await text(lisa)).not.toContain('Na de pauze toegevoegd.');
    expect(await text(omar)).toContain('Check-in: iedereen');
    await lisa.getByText('Versie teruggezet.').waitFor();
    const kept = lisa.locator('.version-list li').first();
    await expect.poll(() => kept.innerText()).toContain('automatisch');
    await screenshot(lisa, '25-editor-history');
    await kept.getByRole('button', { name: 'Terugzetten' }).click();
    await expect.poll(() => text(omar), { timeout: 5000 }).toContain('Na de pauze toegevoegd.');
  });

  it('saves the meeting\'s details beside the text without reloading the editor', async () => {
    await omar.locator('.ProseMirror').evaluate((element) => ((element as HTMLElement & { marked?: boolean }).marked = true));
    await omar.getByLabel('Plaats').fill('Gent');
    await omar.getByLabel('Aanwezig').fill('Lisa Peeters (OCMW Gent)\nOmar Haddad (CPAS Liège)');
    await omar.getByRole('button', { name: 'Gegevens bewaren' }).click();
    await omar.getByRole('status').filter({ hasText: /^Bewaard\.$/ }).waitFor();
    await expect.poll(() => omar.locator('.report-page__header').innerText()).toContain('Gent');
    // The same editor, still connected: the details were saved beside it, not by starting it again.
    expect(await omar.locator('.ProseMirror').evaluate((element) => (element as HTMLElement & { marked?: boolean }).marked)).toBe(true);
    const meeting = await server.gql(`query ($id: ID!) { meeting(id: $id) { location attendances { person { name } } } }`, { id: meetingId }, admin);
    expect(meeting.data.meeting.location).toBe('Gent');
    expect(meeting.data.meeting.attendances.map((a: { person: { name: string } }) => a.person.name).sort()).toEqual(['Lisa Peeters', 'Omar Haddad']);
  });

  it('stops an editor whose role a coordinator takes away, and says why', async () => {
    const jan = await person('jan@atelier.test', 'EDITOR', 'Jan');
    expect(await jan.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');
    const users = await server.gql(`{ users { id email } }`, {}, admin);
    const id = users.data.users.find((user: { email: string }) => user.email === 'jan@atelier.test').id;
    await server.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role } }`, { id }, admin);
    await jan.getByRole('alert').filter({ hasText: 'Een coördinator heeft je rol gewijzigd' }).waitFor({ timeout: 5000 });
    expect(await jan.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await jan.locator('.sync-status').innerText()).toBe('Niet verbonden');
    await screenshot(jan, '26-editor-role-changed');
  });

  it('gives a demoted editor back what they typed offline, which the server no longer takes', async () => {
    const eva = await person('eva@atelier.test', 'EDITOR', 'Eva');
    await eva.context().setOffline(true);
    await eva.waitForSelector('.sync-status[data-status=offline]', { timeout: 10_000 });
    await eva.click('.ProseMirror');
    await eva.keyboard.press('Control+End');
    await eva.keyboard.press('Enter');
    await eva.keyboard.type('Offline genoteerd: de buddywerking in Gent.');
    const users = await server.gql(`{ users { id email } }`, {}, admin);
    const id = users.data.users.find((user: { email: string }) => user.email === 'eva@atelier.test').id;
    await server.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role } }`, { id }, admin);
    await eva.context().setOffline(false);
    // Her sign-in ended with the role change: the socket is refused, and she signs in again as a reader.
    await eva.getByRole('alert').filter({ hasText: 'Meld je opnieuw aan' }).waitFor({ timeout: 10_000 });
    await signIn(eva, server.url, 'eva@atelier.test', 'long enough password', reportPath);
    const unsaved = eva.getByRole('alert').filter({ has: eva.getByRole('heading', { name: 'Niet bewaard' }) });
    await unsaved.waitFor({ timeout: 10_000 });
    expect(await unsaved.getByLabel('Niet bewaarde tekst').inputValue()).toBe('Offline genoteerd: de buddywerking in Gent.');
    // The report shows what the server holds: her line is offered to copy, not shown as if saved.
    await eva.waitForSelector('.sync-status[data-status=live]');
    expect(await eva.locator('.sync-status').innerText()).toBe('Live: je ziet elke wijziging meteen');
    expect(await text(eva)).toContain('Check-in: iedereen');
    expect(await text(eva)).not.toContain('Offline genoteerd');
    expect(await text(lisa)).not.toContain('Offline genoteerd');
    await screenshot(eva, '27-editor-unsaved-text');
    await unsaved.getByRole('button', { name: 'Verwijderen van dit toestel' }).click();
    await unsaved.waitFor({ state: 'detached' });
    await eva.reload();
    await eva.waitForSelector('.sync-status[data-status=live]');
    await eva.waitForTimeout(500);
    expect(await eva.getByRole('heading', { name: 'Niet bewaard' }).count()).toBe(0);
  });
});
