import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/server.js';
import { startCorpusServer } from '../support/corpus-server.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { skipUnless } from '../support/require.js';
import { launchBrowser, screenshot, signIn, skipWithoutChromium } from '../support/browser.js';

const CLIENT_DIST = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist', 'index.html');
const skip = skipWithoutChromium() || skipUnless(fs.existsSync(CORPUS_DIR), 'the report corpus') || skipUnless(fs.existsSync(CLIENT_DIST), 'the built client (npm run build -w client)');

describe.skipIf(skip)('the web app in a real Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server } = await startCorpusServer());
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'nl-BE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and shows the recent meetings', async () => {
    await page.goto(server.url);
    await page.waitForSelector('input[type=email]');
    await screenshot(page, '01-sign-in');
    await page.fill('input[type=password]', 'wrong password');
    await page.fill('input[type=email]', server.adminEmail);
    await page.click('button[type=submit]');
    await page.waitForSelector('.form-error');
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.waitForSelector('.meeting-card');
    expect(await page.locator('.meeting-card').count()).toBe(4);
    expect(await page.textContent('h1')).toBe('Welkom');
    await screenshot(page, '02-home');
  });

  it('searches "motivatie" and finds the 2018 volunteering practice with its meeting', async () => {
    await page.fill('#search-input', 'motivatie');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('.hit');
    const practice = page.locator('.hit', { hasText: 'Vrijwilligerswerk werkt motiverend' });
    await practice.first().waitFor();
    expect(await practice.first().textContent()).toContain('2018');
    await screenshot(page, '03-search');
  });

  it('filters by a facet, kept in the URL', async () => {
    const before = await page.textContent('.result-count');
    await page.locator('.facet', { hasText: 'Goede praktijk' }).locator('input').click();
    await page.waitForURL(/kind=PRACTICE/);
    await page.waitForFunction((text) => document.querySelector('.result-count')?.textContent !== text, before);
    const kinds = await page.locator('.hit__kind').allTextContents();
    expect(kinds.every((kind) => kind.startsWith('Goede praktijk'))).toBe(true);
    await page.reload();
    await page.waitForSelector('.hit');
    expect(await page.locator('.facet', { hasText: 'Goede praktijk' }).locator('input').isChecked()).toBe(true);
  });

  it('opens a practice with the passage it came from', async () => {
    await page.locator('.hit', { hasText: 'Vrijwilligerswerk werkt motiverend' }).first().locator('h2 a').click();
    await page.waitForSelector('.passage');
    expect(await page.textContent('.passage blockquote')).toContain('vrijwilligersvergoeding');
    await screenshot(page, '04-practice');
  });

  it('shows the check-in method with its meetings of 2018, 2019 and 2023', async () => {
    await page.goto(`${server.url}/methods/check-in`);
    await page.waitForSelector('.timeline__item');
    const dates = await page.locator('.timeline__date').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    expect(dates).toEqual(['2018-12-18', '2019-12-17', '2023-04-03']);
    // Described in the page's language.
    expect(await page.textContent('.detail__header .lead')).toContain('Een rondje bij het begin');
    await screenshot(page, '05-method');
  });

  it('shows a meeting with who was there and excused', async () => {
    await page.click('.timeline__title >> nth=0');
    await page.waitForSelector('.people-list');
    expect(await page.textContent('.detail__header')).toContain('18 december 2018');
    expect(await page.locator('.people-list').first().textContent()).toContain('Johan Maekelbergh');
    await screenshot(page, '06-meeting');
  });

  it('switches to French at any time and remembers it', async () => {
    await page.click('.language-switch button[lang=fr]');
    await page.waitForSelector('text=Présents');
    expect(await page.textContent('.site-nav')).toContain('Accueil');
    expect(await page.textContent('.detail__header')).toContain('18 décembre 2018');
    await page.reload();
    await page.waitForSelector('text=Présents');
    await screenshot(page, '07-meeting-fr');
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.theme-list');
    expect(await page.textContent('.theme-list')).toContain('Partenariats');
    await page.goto(`${server.url}/methods/check-in`);
    await page.waitForSelector('.timeline__item');
    expect(await page.textContent('.detail__header .lead')).toContain('Un tour de table au début');
    await page.click('.language-switch button[lang=nl]');
  });

  it('renders the graph and walks it on click', async () => {
    await page.goto(`${server.url}/graph`);
    await page.waitForFunction(() => Number(document.querySelector('.graph-canvas')?.getAttribute('data-nodes')) > 3);
    await page.waitForTimeout(300);
    await screenshot(page, '08-graph');
    // A small neighbourhood is laid out with every label clear of every other node and label.
    const layout = await page.evaluate(() => {
      const cy = (document.querySelector('.graph-canvas') as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      const boxes: { x1: number; x2: number; y1: number; y2: number }[] = cy.nodes().map((n: any) => n.boundingBox({ includeLabels: true }));
      const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2));
      return { nodes: boxes.length, overlapping: overlapping.length };
    });
    expect(layout.nodes).toBeLessThanOrEqual(16);
    expect(layout.overlapping).toBe(0);
    const box = (await page.locator('.graph-canvas').boundingBox())!;
    // Where cytoscape drew a neighbour of the centre (cytoscape keeps its instance on the container).
    const target = await page.evaluate(() => {
      const cy = (document.querySelector('.graph-canvas') as unknown as { _cyreg: { cy: any } })._cyreg.cy;
      const node = cy.nodes().filter((n: any) => n.data('center') !== 1 && n.data('type') === 'MEETING')[0];
      const position = node.renderedPosition();
      return { x: position.x, y: position.y, id: node.id() as string, label: node.data('label') as string };
    });
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForURL((url) => url.searchParams.get('node') === target.id);
    await page.waitForFunction((id) => {
      const cy = (document.querySelector('.graph-canvas') as unknown as { _cyreg?: { cy: any } })._cyreg?.cy;
      return cy?.nodes('[center = 1]').id() === id;
    }, target.id);
    await screenshot(page, '08b-graph-walked');
  });

  it('brings an expired session back to sign-in and then to the same page', async () => {
    await page.goto(`${server.url}/methods/world-cafe`);
    await page.waitForSelector('.timeline__item');
    await page.evaluate(() => localStorage.setItem('atelier.token', 'expired.token.value'));
    await page.reload();
    await page.waitForSelector('input[type=email]');
    expect(await page.textContent('.sign-in__form')).toContain('sessie');
    await page.fill('input[type=email]', server.adminEmail);
    await page.fill('input[type=password]', server.adminPassword);
    await page.click('button[type=submit]');
    await page.waitForSelector('.timeline__item');
    expect(page.url()).toContain('/methods/world-cafe');
  });

  it('serves a bundled GraphiQL that uses the session', async () => {
    await page.goto(`${server.url}/graphiql`);
    await page.waitForSelector('.graphiql-container');
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    // The editor may still be starting under load: run again until an answer shows.
    await expect.poll(async () => {
      const answer = await page.locator('.graphiql-response').innerText();
      if (!answer.includes('"meetings"')) await page.click('.graphiql-execute-button');
      return answer;
    }, { timeout: 20_000, interval: 500 }).toContain('"meetings"');
    expect(await page.locator('.graphiql-response').innerText()).not.toContain('UNAUTHENTICATED');
    await screenshot(page, '12-graphiql');
  });

  it('works on a tablet', async () => {
    const tablet = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'fr-BE' });
    const tabletPage = await tablet.newPage();
    await signIn(tabletPage, server.url, server.adminEmail, server.adminPassword, '/search?q=partenariat');
    await tabletPage.waitForSelector('.hit');
    const overflow = await tabletPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(tabletPage, '13-tablet-search-fr');
    await tablet.close();
  });

  it('has admin pages for users, taxonomy, synonyms and import', async () => {
    for (const [path, name] of [['/admin', '09-admin-users'], ['/admin/taxonomy', '10-admin-taxonomy'], ['/admin/synonyms', '10c-admin-synonyms'], ['/admin/import', '11-admin-import']]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('.admin-panel');
      await screenshot(page, name);
    }
  });

  it('lets a coordinator describe a method in each language, and shows it in the reader\'s', async () => {
    await page.goto(`${server.url}/admin/taxonomy`);
    await page.click('button.link-button:text-is("World Café")');
    const nl = page.getByLabel('Beschrijving in het Nederlands');
    expect(await nl.inputValue()).toContain('tafel');
    expect(await page.getByLabel('Beschrijving in het Frans').inputValue()).toContain('table');
    await nl.fill('Gesprekken in kleine groepen aan tafels, met een nieuwe tafel bij elke ronde.');
    await page.getByRole('button', { name: 'Bewaren' }).last().click();
    await page.waitForSelector('text=Bewaard.');
    await screenshot(page, '10b-admin-method');
    await page.goto(`${server.url}/methods/world-cafe`);
    await page.waitForSelector('.detail__header .lead');
    expect(await page.textContent('.detail__header .lead')).toBe('Gesprekken in kleine groepen aan tafels, met een nieuwe tafel bij elke ronde.');
  });

  it('says in the reader\'s language why a file is not a report', async () => {
    await page.goto(`${server.url}/admin/import`);
    await page.click('.language-switch button[lang=fr]');
    await page.locator('input[type=file]').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Quelques notes prises pendant la pause, sans liste de présence.\n') },
      { name: 'vide.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') },
    ]);
    const failed = page.locator('.import-list__item.is-failed');
    await expect.poll(() => failed.count()).toBe(2);
    expect(await failed.filter({ hasText: 'notes.txt' }).locator('.form-error').textContent()).toMatch(/^Aucune liste de présence trouvée : /);
    expect(await failed.filter({ hasText: 'vide.txt' }).locator('.form-error').textContent()).toBe('Le fichier est vide');
    await screenshot(page, '11b-admin-import-refused-fr');
    await page.click('.language-switch button[lang=nl]');
  });

  it('lets a coordinator widen a synonym group, refuses a word already in one, and searches with it at once', async () => {
    const practice = 'Vrijwilligerswerk werkt motiverend';
    const practiceHits = async (query: string) => {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('.hit, .state--empty');
      return page.locator('.hit', { hasText: practice }).count();
    };
    expect(await practiceHits('gedrevenheid')).toBe(0);

    await page.goto(`${server.url}/admin/synonyms`);
    await page.getByLabel('Een woord zoeken').fill('motivatie');
    const groups = page.locator('.synonym-list > li');
    expect(await groups.count()).toBe(1);
    await groups.getByRole('button', { name: 'Wijzigen' }).click();
    const terms = page.getByLabel('Woorden die hetzelfde betekenen (gescheiden door komma’s)');
    expect(await terms.inputValue()).toContain('motivation');
    await terms.fill(`${await terms.inputValue()}, gedrevenheid`);
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.waitForSelector('text=Bewaard.');
    await groups.locator('.chip', { hasText: 'gedrevenheid' }).waitFor();

    await terms.fill('bezieling, gedrevenheid');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    const refused = page.locator('.columns__side [role=alert]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^“gedrevenheid” staat al in de groep “motivatie, /);
    await screenshot(page, '10d-admin-synonym-refused');

    expect(await practiceHits('gedrevenheid')).toBeGreaterThan(0);
  });
});
