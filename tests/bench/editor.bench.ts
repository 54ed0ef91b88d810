import type { Page } from 'playwright-core';
import { startTestServer } from '../support/server.js';
import { launchBrowser, signIn, CHROMIUM } from '../support/browser.js';
import { SYSTEM_ACTOR } from '../../server/src/auth/guard.js';
import { percentile as pct } from '../support/quantiles.js';

const KEYSTROKES = 200;

/** A report of 100 sections, imported like any other. */
function hundredSections(): string {
  const lines = ['Verslag bijeenkomst OCMW\'s – Rapport rencontre des CPAS', 'AMIF 12 maart 2025 – 12 mars 2025', '', 'Aanwezigen: Lisa Peeters (OCMW Gent), Omar Haddad (CPAS Liège)', ''];
  for (let i = 1; i <= 100; i++) {
    lines.push(`${i}. Onderdeel ${i} over partnerschappen en motivatie`, '', 'De deelnemers wisselen ervaringen uit over hun project, de doelgroep en de samenwerking met andere OCMW\'s.', '', 'Wat nemen we mee:', '', '- Een vaste begeleider geeft vertrouwen', '- Kinderopvang verlaagt drempels', '');
  }
  return lines.join('\n');
}

/** `npm run bench -- editor`: opening a 100-section report to editable, and keystroke-to-screen in a second browser. */
export async function run(): Promise<void> {
  if (!CHROMIUM) throw new Error('chromium is needed for the editor benchmark (apt-get install chromium)');
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const result = await server.app.services.importer.importReport(SYSTEM_ACTOR, 'hundred.txt', hundredSections());
    const path = `/reports/${(await server.gql(`query ($id: ID!) { meeting(id: $id) { report { id } } }`, { id: result.meetingId }, await server.login())).data.meeting.report.id}`;
    const pages: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, server.url, server.adminEmail, server.adminPassword);
      pages.push(page);
    }
    const opens: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = Date.now();
      await pages[0].goto(`${server.url}${path}`);
      await pages[0].waitForFunction(() => {
        const editor = document.querySelector('.ProseMirror[contenteditable=true]');
        return editor !== null && editor.querySelectorAll('h2').length >= 100;
      }, undefined, { timeout: 30_000 }).catch(async (error: unknown) => {
        const state = await pages[0].evaluate(() => ({ url: location.href, editable: document.querySelector('.ProseMirror')?.getAttribute('contenteditable'), h2: document.querySelectorAll('.ProseMirror h2').length, body: document.body.innerText.slice(0, 300) }));
        throw new Error(`the report did not become editable: ${JSON.stringify(state)} (${String(error)})`);
      });
      opens.push(Date.now() - started);
    }
    console.log(`  open a 100-section report to editable: p50 ${pct(opens, 50)} ms, worst ${Math.max(...opens)} ms over ${opens.length} loads (target ≤ 1500 ms)`);

    const [writer, reader] = pages;
    await reader.goto(`${server.url}${path}`);
    await reader.waitForSelector('.ProseMirror h2');
    await writer.click('.ProseMirror h2');
    await writer.keyboard.press('End');
    // The reader timestamps each new character the moment its DOM shows it.
    await reader.evaluate(() => {
      const target = document.querySelector('.ProseMirror')!;
      const seen: Record<string, number> = {};
      (window as unknown as { seen: Record<string, number> }).seen = seen;
      new MutationObserver(() => {
        const match = target.textContent?.match(/⟨(\d+)⟩/g) ?? [];
        for (const token of match) if (!(token in seen)) seen[token] = performance.timeOrigin + performance.now();
      }).observe(target, { subtree: true, characterData: true, childList: true });
    });
    const sent: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const token = `⟨${i}⟩`;
      sent.push(await writer.evaluate(() => performance.timeOrigin + performance.now()));
      await writer.keyboard.insertText(token);
      await writer.waitForTimeout(15);
    }
    await reader.waitForFunction((count) => Object.keys((window as unknown as { seen: object }).seen).length >= count, KEYSTROKES, { timeout: 30_000 });
    const seen: Record<string, number> = await reader.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
    const latencies = sent.map((at, i) => seen[`⟨${i}⟩`] - at);
    console.log(`  keystroke → other browser's screen over ${KEYSTROKES} keystrokes: p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms (target p95 ≤ 100 ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
}
