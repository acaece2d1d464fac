// Who to call and the month's goals, in Chromium on the demo data at 1280x720: a contact list opened by its
// address, its message template edited, a row's wa.me link checked against the engine's row, a customer marked
// contacted and counted; a goal set and its progress seen on the dashboard; the units side by side.
import { expect, test, type Page } from '@playwright/test';
import type { ContactListResult, GoalProgressResult } from '../../shared/contacts';
import { decodeFrame } from '../../shared/wire';
import { openApp, startDemoServer, type PainelServer } from './appServer';

let server: PainelServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});
test.afterAll(async () => server?.stop());
test.use({ viewport: { width: 1280, height: 720 } });

const SHOTS = 'test-results/app/contacts';

/** A contact list from the engine over loopback HTTP (its page travels as a binary frame with Arrow bytes). */
async function engineList(input: Record<string, unknown>): Promise<ContactListResult> {
  const res = await fetch(`${server.origin}/api/contacts.list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = decodeFrame(new Uint8Array(await res.arrayBuffer())) as { ok: boolean; value: ContactListResult };
  expect(body.ok).toBe(true);
  return body.value;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.page-loading')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(150);
}

test('a contact list: edit the message, follow a WhatsApp link, mark contacted and see it counted', async ({ page }) => {
  const list = 'lapsed';
  const before = await engineList({ list, limit: 1 });
  expect(before.summary.withPhone).toBeGreaterThan(0);
  await openApp(page, server, { route: `/contacts/${list}` });
  await settle(page);
  const summary = page.getByTestId('contact-summary');
  await expect(summary).toHaveAttribute('data-members', String(before.summary.members));
  await expect(summary).toContainText(`${before.summary.withoutPhone} sem telefone válido`);
  await page.screenshot({ path: `${SHOTS}/list-pt-BR.png`, fullPage: false });

  // an unknown field is refused in words before anything is sent
  const editor = page.getByLabel('Mensagem', { exact: true });
  await editor.fill('Oi {nomee}');
  await expect(page.getByRole('alert')).toContainText('Campo desconhecido na mensagem: {nomee}');
  await expect(page.getByTestId('apply-template')).toBeDisabled();

  await editor.fill('Oi {nome}, tudo bem? Seu {servico} com {profissional} está esperando você 💇‍♀️');
  await page.getByTestId('apply-template').click();
  await settle(page);
  const engine = await engineList({
    list,
    template: 'Oi {nome}, tudo bem? Seu {servico} com {profissional} está esperando você 💇‍♀️',
    limit: 50,
  });
  const link = page.getByTestId('wa-link').first();
  const hrefValue = (await link.getAttribute('href')) ?? '';
  expect(hrefValue).toMatch(/^https:\/\/wa\.me\/55\d{10,11}\?text=/);
  const message = decodeURIComponent(hrefValue.split('?text=')[1]);
  expect(message).toMatch(/^Oi \S+, tudo bem\? Seu .+ com .+ está esperando você 💇‍♀️$/);
  // the row the link is on says the same message the engine rendered for that customer
  const row = page.getByTestId('contact-row').filter({ has: link }).first();
  const customer = await row.getAttribute('data-customer');
  const engineRows = (await import('apache-arrow')).tableFromIPC(engine.page.arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>);
  const mine = engineRows.find((r) => r.customer_id === customer);
  expect(mine?.whatsapp_url).toBe(hrefValue);
  await expect(row).toContainText(message);
  await expect(link).toHaveAttribute('target', '_blank');

  // marking contacted records it once and the list counts it
  const contactedBefore = Number(await summary.getAttribute('data-contacted'));
  await row.getByTestId('mark-one').click();
  await expect(page.getByTestId('marked')).toContainText('1 marcados como contatados');
  await expect(summary).toHaveAttribute('data-contacted', String(contactedBefore + 1));
  await expect(page.locator(`[data-testid="contact-row"][data-customer="${customer}"]`)).toHaveAttribute('data-contacted', 'true');
  const funnels = await server.call<{ campaigns: { campaignId: string; steps: { step: string; customers: number }[] }[] }>('analytics.campaignFunnels', {});
  const campaign = funnels.campaigns.find((c) => c.campaignId.startsWith('painel:whatsapp:lapsed:'));
  expect(campaign?.steps.find((s) => s.step === 'sent')?.customers).toBe(contactedBefore + 1);
  await page.screenshot({ path: `${SHOTS}/list-marked-pt-BR.png`, fullPage: false });

  // the same list, in English and dark, by its address
  await page.goto(`${server.origin}/#/contacts/segment:winback_high_value`);
  await settle(page);
  await expect(page.getByTestId('contacts-page')).toHaveAttribute('data-list', 'segment:winback_high_value');
});

test('the contact list in English and dark', async ({ page }) => {
  await openApp(page, server, { route: '/contacts/lapsed', locale: 'en', theme: 'dark' });
  await settle(page);
  await expect(page.getByRole('heading', { name: 'WhatsApp contacts' })).toBeVisible();
  await expect(page.getByTestId('contact-summary')).toContainText('without a valid phone');
  await page.screenshot({ path: `${SHOTS}/list-en-dark.png`, fullPage: false });
});

test('set a goal and see its progress on the dashboard; the units side by side', async ({ page }) => {
  await openApp(page, server, { route: '/goals' });
  await settle(page);
  await page.screenshot({ path: `${SHOTS}/goals-top-pt-BR.png`, fullPage: false });
  const first = page.getByTestId('goal-row').first();
  const unitId = await first.getAttribute('data-id');
  // a bad amount is refused in words
  await first.getByRole('textbox').first().fill('muito');
  await page.getByTestId('save-goals').click();
  await expect(page.getByRole('alert')).toContainText('o faturamento deve ser um valor como 15000 ou 15000,50');
  await first.getByRole('textbox').first().fill('250.000,00');
  await first.getByRole('textbox').nth(1).fill('900');
  await page.getByTestId('save-goals').click();
  await expect(page.getByText('Metas salvas.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/goals-pt-BR.png`, fullPage: false });

  const month = await page.locator('#goals-month').inputValue();
  const progress = await server.call<GoalProgressResult>('goals.progress', { month });
  const mine = progress.rows.find((r) => r.scope === 'location' && r.scopeId === unitId)!;
  expect(mine.revenueGoal).toBe('250000.00');
  await page.goto(`${server.origin}/#/dashboard`);
  await settle(page);
  const card = page.getByTestId('goals-card');
  await card.scrollIntoViewIfNeeded();
  const goalRow = card.locator(`[data-testid="goal-progress"][data-id="${unitId}"]`);
  await expect(goalRow).toContainText(`de ${new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(250000)}`);
  await expect(goalRow).toContainText(new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(Number(mine.revenue)));
  await page.screenshot({ path: `${SHOTS}/dashboard-goals-pt-BR.png`, fullPage: true });

  await page.goto(`${server.origin}/#/units?month=${month}`);
  await settle(page);
  const grid = page.getByTestId('units-grid');
  await expect(grid.locator('tr[data-measure="revenue_goal"]')).toContainText(new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(250000));
  await page.screenshot({ path: `${SHOTS}/units-pt-BR.png`, fullPage: false });
});
