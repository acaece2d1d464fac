// Any spreadsheet in, end to end in Chromium (browser mode): a salon-style sheet uploaded on the first screen
// says it needs a mapping (not a bare "done"), the Import page suggests the mapping and previews the rows, the
// import's numbers reach the dashboard, and undoing the import takes them away again.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer, type PainelServer } from './support/server';

let server: PainelServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const ddmmyyyy = (daysAgo: number) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

// A salon's own spreadsheet: pt-BR headers, R$ money, DD/MM/YYYY dates within the dashboard's last 30 days.
const SHEET = [
  'Data;Cliente;Telefone;Serviço;Profissional;Valor;Forma de pagamento',
  `${ddmmyyyy(3)};Ana Souza;(11) 98765-4321;Corte feminino;Carla Lima;R$ 120,00;Pix`,
  `${ddmmyyyy(3)};Ana Souza;(11) 98765-4321;Escova;Carla Lima;R$ 60,50;Pix`,
  `${ddmmyyyy(4)};Bruna Alves;(21) 99876-5432;Manicure;Dani Rocha;R$ 1.045,00;Cartão de crédito`,
  `${ddmmyyyy(5)};Célia Ramos;(31) 3456-7890;Pedicure;Dani Rocha;abc;Dinheiro`,
].join('\r\n');
const GROSS = (120 + 60.5 + 1045).toFixed(2);

test('a salon sheet: first screen says it needs a mapping, the Import page maps, previews and loads it, the dashboard shows it, undo removes it', async ({ page }) => {
  test.setTimeout(180_000);
  const file = { name: 'atendimentos.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET, 'utf8') };
  await page.goto(server.url);
  await expect(page.getByTestId('first-start')).toBeVisible();
  await page.locator('#import-input').setInputFiles(file);
  const firstResult = page.getByTestId('import-result');
  await expect(firstResult).toContainText(/precisam ser mapeadas|need a mapping/);
  await page.getByRole('link', { name: /Mapear colunas|Map columns/ }).click();

  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible();
  await expect(step.getByLabel('Profissional')).toHaveValue('employee.name');
  await expect(step.getByLabel('Forma de pagamento')).toHaveValue('payment.method');
  await expect(step.getByLabel('Valor')).toHaveValue('line.total');
  const preview = page.getByTestId('mapping-preview');
  await expect(preview).toContainText('1.045,00');
  await expect(preview).toContainText(/Cartão de crédito/);
  await expect(preview.locator('td.cell-bad')).toHaveCount(1);
  await expect(preview.locator('td.cell-bad')).toContainText('abc');
  await page.screenshot({ path: 'test-results/import-mapping.png', fullPage: true });

  await page.getByTestId('import-run').click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(/Vendas|Sales/);
  await expect(page.getByTestId('import-rejects')).toContainText(/não é um número|not a number/);
  await page.screenshot({ path: 'test-results/import-result.png', fullPage: true });

  await page.goto(`${server.origin}/#/dashboard`);
  await expect(page.getByTestId('kpi-gross_revenue')).toHaveAttribute('data-value', GROSS, { timeout: 30_000 });

  await page.goto(`${server.origin}/#/import`);
  const row = page.getByTestId('import-history-row').first();
  await expect(row).toContainText('atendimentos.csv');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /Desfazer|Undo/ }).click();
  await expect(page.getByTestId('import-history')).toContainText(/linhas removidas|rows removed/);
  await page.screenshot({ path: 'test-results/import-history.png', fullPage: true });
  const sales = await server.call<{ tables: { name: string; rows: number }[] }>('app.info');
  expect(sales.tables.find((x) => x.name === 'sales')?.rows).toBe(0);
});

test('files dropped on the Import page are read and mapped; a report export dropped there is refused with its name', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/import`);
  const zone = page.getByTestId('drop-zone');
  await expect(zone).toBeVisible();
  // A real drop event carrying File objects, as the file manager sends it (browser mode uploads them).
  const drop = async (name: string, text: string) => {
    const dt = await page.evaluateHandle(
      ([n, t]) => {
        const d = new DataTransfer();
        d.items.add(new File([t], n, { type: 'text/csv' }));
        return d;
      },
      [name, text] as const,
    );
    await zone.dispatchEvent('dragover', { dataTransfer: dt });
    await zone.dispatchEvent('drop', { dataTransfer: dt });
  };
  await drop('arrastado.csv', SHEET);
  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible();
  await expect(step.getByLabel('Profissional')).toHaveValue('employee.name');
  await expect(page.getByTestId('mapping-preview')).toContainText('1.045,00');

  // Painel's own report export (sales by item, pt-BR labels) is a summary: refused, naming the report.
  const job = await server.call<{ id: string }>('export.run', { report: 'sales-by-item', period: { preset: 'last_30_days' }, format: 'csv', csvDialect: 'excel-br', locale: 'pt-BR', fileName: 'vendas-por-item.csv', overwrite: true });
  const done = await server.call<{ result: { path: string } }>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  await drop('vendas-por-item.csv', readFileSync(done.result.path, 'utf8'));
  await expect(page.getByTestId('import-refusal')).toContainText(/Vendas por serviço e produto|Sales by service and product/);
  await page.screenshot({ path: 'test-results/import-drop.png', fullPage: true });
});
