// The forecast page as an owner reads it: one 30-day total (the card and the chart agree), the model chosen with
// its reason, errors under plain names with a decimal comma, band coverage, and the holidays ahead; and the
// holiday calendar in Settings, saved for the forecast.
import { expect, test } from '@playwright/test';
import { holidaysBetween } from '../../shared/holidays';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());

const money = /R\$\s?[\d.]+,\d{2}/;

test('the forecast page shows one 30-day total, the model and why, errors in plain words and band coverage', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, server, { route: '/forecast' });
  const card = page.getByTestId('forecast-next30');
  await expect(card).toContainText(money, { timeout: 60_000 });
  await expect(page.getByTestId('forecast-view')).toBeVisible({ timeout: 60_000 });
  const total = (await card.locator('.kpi-value').innerText()).trim();
  // the chart's summary states the same total (the period reaches today: one forecast)
  await expect(page.locator('.chart-summary').first()).toContainText(total);
  await expect(page.getByTestId('forecast-model')).not.toHaveText('–');
  // Whichever model is shown (the demo ends today, so the backtest's winner can change from day to day), the note
  // gives an error measure by its plain name with a decimal comma.
  await expect(page.getByTestId('forecast-note').last()).toContainText(/(erro relativo|erro percentual simétrico|erro percentual) \d+,\d+/);
  await expect(page.getByTestId('forecast-note').last()).not.toContainText(/MASE|sMAPE|MAPE/);
  await expect(page.getByTestId('forecast-coverage')).toContainText(/faixa de 80% em \d+%/);
  const table = page.getByTestId('backtest-table');
  await expect(table).toContainText('Erro percentual simétrico');
  await expect(table).not.toContainText(/MASE|MAPE/);
  await expect(table).toContainText('Dentro da faixa de 80%');
  await expect(table).not.toContainText('seasonal_naive');
  await expect(table.locator('tbody td').first()).toHaveText(/^\d+,\d{2}$/);
  // holidays within the next 30 days are listed by name
  const today = new Date().toISOString().slice(0, 10);
  const ahead = holidaysBetween(today, new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 10));
  if (ahead.length) await expect(page.getByTestId('forecast-special')).toContainText(ahead[ahead.length - 1].name['pt-BR']);
});

test('the holiday calendar is set in Settings and kept', async ({ page }) => {
  await openApp(page, server, { route: '/settings' });
  const box = page.getByTestId('holiday-settings');
  await expect(box).toBeVisible();
  await box.getByLabel('Sexta-feira Santa').check();
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect.poll(async () => (await server.call<{ holidays: { closedOn: string[] } }>('settings.get', {})).holidays.closedOn).toContain('sexta_santa');
  // and the page shows it ticked after a reload
  await page.reload();
  await expect(page.getByTestId('holiday-settings').getByLabel('Sexta-feira Santa')).toBeChecked();
});
