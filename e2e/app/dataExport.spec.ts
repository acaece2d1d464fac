// Exports of the data from the app, in Chromium (browser mode, pt-BR): a table exported as XLSX from the Tables page
// downloads, is chosen on the Import page through the app's own file button and imports back with nothing changed;
// "Exportar dados (Parquet)" downloads one .zip of every table that imports back the same way. Screenshots of each
// screen go to test-results/app/.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  server = await startDemoServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Chooses a file on the Import page with the app's "Escolher arquivos" button (keyboard or mouse); returns the line naming it. */
async function importBack(page: Page, path: string, by: 'keyboard' | 'mouse') {
  await page.goto(`${server.origin}/#/import`);
  await expect(page.getByTestId('import-page')).toBeVisible();
  await expect(page.getByTestId('drop-zone')).toContainText('Nenhum arquivo escolhido');
  const chooser = page.waitForEvent('filechooser');
  const button = page.getByRole('button', { name: 'Escolher arquivos' });
  if (by === 'keyboard') {
    await button.focus();
    await page.keyboard.press('Enter');
  } else await button.click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('import-known')).toBeVisible({ timeout: 30_000 });
  return page.getByTestId('import-known');
}

async function runImport(page: Page) {
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-file-result').first()).toBeVisible({ timeout: 60_000 });
}

test('a table exported as XLSX from the Tables page imports back unchanged; the Parquet export does too', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openApp(page, server, { locale: 'pt-BR', route: '/tables' });
  const select = page.getByLabel('Tabela', { exact: true });
  await expect(select).toBeVisible();
  // Tables are named in the reader's language.
  await expect(select.locator('option[value="items"]')).toHaveText('Itens');
  await select.selectOption('items');
  const count = async () => Number((await page.getByTestId('row-total').getAttribute('data-total')) || 0);
  // The count of the items table itself (the sales table, shown first, may still be counted a moment).
  const rows = (await server.call<{ tables: { name: string; rows: number }[] }>('app.info')).tables.find((t) => t.name === 'items')?.rows ?? 0;
  expect(rows).toBeGreaterThan(5);
  await expect.poll(count, { timeout: 15_000 }).toBe(rows);

  // The job's bar, read the moment its line says "Concluído": already full, not gliding there.
  const barAtDone = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const obs = new MutationObserver(() => {
          const job = document.querySelector('[data-testid="job-progress"][data-state="done"]');
          const bar = job?.querySelector<HTMLElement>('[data-testid="job-bar"]');
          if (!bar?.parentElement) return;
          obs.disconnect();
          resolve(bar.getBoundingClientRect().width / bar.parentElement.getBoundingClientRect().width);
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      }),
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar XLSX' }).click();
  const xlsx = await download;
  expect(xlsx.suggestedFilename()).toMatch(/^Itens \d{4}-\d{2}-\d{2}( \(\d+\))?\.xlsx$/);
  const xlsxPath = join(info.outputDir, xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  const status = page.getByTestId('export-status').first();
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText(`${rows} linhas exportadas`);
  expect(await barAtDone).toBeCloseTo(1, 3);
  await page.screenshot({ path: 'test-results/app/tables-export-pt-BR.png' });

  const known = await importBack(page, xlsxPath, 'keyboard');
  await expect(known).toContainText('Tabela do Painel: Itens');
  await page.screenshot({ path: 'test-results/app/import-table-xlsx-pt-BR.png' });
  await runImport(page);
  const result = page.getByTestId('import-file-result');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText('Itens');
  await expect(page.getByTestId('import-unchanged')).toHaveText(`Nada mudou: as ${rows} linhas já estavam no Painel, inalteradas.`);
  // The history names the workbook and its sheet in words, and says the import changed nothing.
  const past = page.getByTestId('import-history-row').first();
  // (browser mode keeps an upload under a name safe for file paths: the spaces of "Itens 2026-…" become "_")
  await expect(past).toContainText(/Itens_\d{4}-\d{2}-\d{2}(_\d+_)?\.xlsx — planilha Itens/);
  await expect(past.getByTestId('import-history-outcome')).toHaveText(`Nada mudou (${rows} linhas já estavam no Painel)`);
  await page.getByTestId('import-history').screenshot({ path: 'test-results/app/import-history-pt-BR.png' });
  await page.screenshot({ path: 'test-results/app/import-table-xlsx-result-pt-BR.png' });

  // Every table as Parquet: one .zip downloads, and it imports back with nothing changed.
  await page.goto(`${server.origin}/#/tables`);
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar dados (Parquet)' }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^painel-parquet-\d{4}-\d{2}-\d{2}( \(\d+\))?\.zip$/);
  const zipPath = join(info.outputDir, zip.suggestedFilename());
  await zip.saveAs(zipPath);
  await expect(page.getByTestId('export-status').first()).toContainText('linhas exportadas');
  await page.screenshot({ path: 'test-results/app/tables-parquet-pt-BR.png' });

  const dataset = await importBack(page, zipPath, 'mouse');
  await expect(dataset).toContainText(/Dados exportados do Painel \(Parquet\): .*Clientes.*Vendas/);
  await runImport(page);
  await expect(page.getByTestId('import-file-result').filter({ hasText: '— tabela Vendas' })).toBeVisible();
  const unchanged = page.getByTestId('import-unchanged');
  expect(await unchanged.count()).toBe(await page.getByTestId('import-file-result').count());
  await page.screenshot({ path: 'test-results/app/import-parquet-result-pt-BR.png', fullPage: true });
});

test('Settings offers the Parquet export of all data', async ({ page }) => {
  await openApp(page, server, { locale: 'pt-BR', route: '/settings' });
  await expect(page.getByRole('heading', { name: 'Exportar dados (Parquet)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exportar dados (Parquet)' })).toBeVisible();
  await page.getByRole('button', { name: 'Exportar dados (Parquet)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/app/settings-parquet-pt-BR.png' });
});
