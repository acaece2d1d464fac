// The salon booking back end (Supabase/PostgREST): one keyset-paged stream per table, ordered by (updated_at, id),
// continuing after the last pair seen, so rows changed during a sync move to the end instead of shifting pages.
import { AppError } from '../../store/errors';
import { isObject, minusMs, moneyRaw, str, badRecord } from '../map';
import type { Connector, Page, Reject, Row, Stream, StreamContext } from '../types';
import { matchPaymentMethod } from '../../model/paymentMethods';

const P = 'salon';
const ref = (v: unknown) => (v === null || v === undefined || v === '' ? null : `${P}:${v}`);
const PAGE = 1000;

const STATUS: Record<string, string> = { pending: 'booked', scheduled: 'booked', confirmed: 'confirmed', completed: 'completed', done: 'completed', canceled: 'cancelled', cancelled: 'cancelled', no_show: 'no_show' };

type Mapped = Pick<Page, 'rows' | 'replaceChildren'>;
type Mapper = (r: Record<string, unknown>) => Mapped;

interface Key {
  t: string;
  id: string;
}

/** PostgREST quotes values holding reserved characters. */
const pgrstValue = (v: string) => (/[,.:()"\s]/.test(v) ? `"${v.replace(/"/g, '\\"')}"` : v);

function keysetStream(name: string, table: string, map: Mapper, extra: { select?: string; filter?: Record<string, string>; sweep?: Stream['sweep'] } = {}): Stream {
  return {
    name,
    sweep: extra.sweep,
    async *pages(ctx: StreamContext, cursor: unknown) {
      const stored = cursor as Key | null;
      let key: Key | null = stored && !ctx.full ? { t: minusMs(stored.t, ctx.overlapMs) ?? stored.t, id: '' } : null;
      const size = Math.min(PAGE, (ctx.source.config.pageSize as number | undefined) ?? PAGE);
      const fetchPage = async (after: Key | null) => {
        const query: Record<string, string | number> = { select: extra.select ?? '*', order: 'updated_at.asc,id.asc', limit: size, ...(extra.filter ?? {}) };
        if (after) query.or = `(updated_at.gt.${pgrstValue(after.t)},and(updated_at.eq.${pgrstValue(after.t)},id.gt.${pgrstValue(after.id)}))`;
        const res = await ctx.http.request<unknown>({ path: `/${table}`, query });
        if (!Array.isArray(res.body)) throw new AppError('SOURCE', `${ctx.source.name}: /${table} did not answer with a list`);
        return res.body as unknown[];
      };
      const valid = (rec: unknown): rec is Record<string, unknown> => isObject(rec) && rec.id !== undefined && rec.id !== null && typeof rec.updated_at === 'string';
      let next = fetchPage(key);
      for (;;) {
        const body = await next;
        if (body.length === 0) return;
        const last = [...body].reverse().find(valid);
        if (!last) throw new AppError('SOURCE', `${ctx.source.name}: /${table} sent a page without any valid record`);
        key = { t: String(last.updated_at), id: String(last.id) };
        // The next page is asked for while this one is mapped and staged (keyset: its start is known already).
        next = fetchPage(key);
        next.catch(() => undefined);
        const page: Page = { rows: {}, replaceChildren: {}, rejects: [], cursor: key };
        for (const rec of body) {
          if (!valid(rec)) {
            (page.rejects as Reject[]).push(badRecord(undefined, rec, `${table} record without id or updated_at`));
            continue;
          }
          const m = map(rec);
          for (const [t, rows] of Object.entries(m.rows)) ((page.rows as Record<string, Row[]>)[t] ??= []).push(...(rows as Row[]));
          for (const [t, ids] of Object.entries(m.replaceChildren ?? {})) ((page.replaceChildren as Record<string, string[]>)[t] ??= []).push(...(ids as string[]));
        }
        ctx.phase(`${key.t.slice(0, 10)}`);
        yield page;
      }
    },
  };
}

const sale = (r: Record<string, unknown>): Mapped => {
  const saleId = `${P}:${r.id}`;
  const lines: Row[] = [];
  for (const b of Array.isArray(r.bookings) ? r.bookings : []) {
    if (!isObject(b)) continue;
    lines.push({
      sale_id: saleId,
      line_no: str(b.position),
      item_id: ref(b.service_id),
      employee_id: ref(b.employee_id),
      quantity: str(b.quantity),
      unit_price: moneyRaw(b.unit_price),
      discount_amount: moneyRaw(b.discount),
      line_total: moneyRaw(b.total),
      duration_min: str(b.duration_min),
    });
  }
  const status = str(r.status);
  return {
    rows: {
      sales: [
        {
          sale_id: saleId,
          source: P,
          kind: str(r.kind) ?? 'appointment',
          customer_id: ref(r.customer_id),
          location_id: ref(r.location_id),
          employee_id: ref(r.employee_id),
          status: status ? (STATUS[status] ?? status) : null,
          created_at: str(r.created_at),
          occurred_at: str(r.starts_at),
          gross_amount: moneyRaw(r.gross_amount),
          discount_amount: moneyRaw(r.discount_amount),
          coupon_code: str(r.coupon_code),
          tax_amount: moneyRaw(r.tax_amount),
          shipping_amount: moneyRaw(r.shipping_amount),
          total_amount: moneyRaw(r.total_amount),
          points_earned: str(r.points_earned),
          points_redeemed: str(r.points_redeemed),
          updated_at: str(r.updated_at),
        },
      ],
      sale_lines: lines,
    },
    replaceChildren: Array.isArray(r.bookings) ? { sale_lines: [saleId] } : {},
  };
};

export const supabaseConnector: Connector = {
  kind: 'supabase',
  prefix: P,
  defaultBaseUrl: null,
  secrets: [{ name: 'key', required: true }],
  auth: { type: 'headers', headers: (secret) => ({ apikey: secret('key') }) },
  // Tables of one database: reading a few at once is cheap for PostgREST.
  defaults: { streamConcurrency: 3 },
  errorMessage: (b) => (isObject(b) && typeof b.message === 'string' ? `${b.message}${typeof b.code === 'string' ? ` (${b.code})` : ''}` : null),
  streams: [
    keysetStream('locations', 'locations', (r) => ({
      rows: { locations: [{ location_id: `${P}:${r.id}`, name: str(r.name), city: str(r.city), state: str(r.state), timezone: str(r.timezone) }] },
    })),
    keysetStream('employees', 'employees', (r) => ({
      rows: {
        employees: [
          {
            employee_id: `${P}:${r.id}`,
            name: str(r.full_name),
            role: str(r.role),
            location_id: ref(r.location_id),
            commission_rate: str(r.commission_rate),
            hired_at: str(r.hired_on),
            active: r.active === null || r.active === undefined ? null : String(r.active),
          },
        ],
      },
    })),
    keysetStream(
      'profiles',
      'profiles',
      (r) => ({
        rows: {
          customers: [
            {
              customer_id: `${P}:${r.id}`,
              name: str(r.full_name),
              email: str(r.email),
              phone: str(r.phone),
              document: str(r.cpf),
              gender: str(r.gender),
              birth_date: str(r.birth_date),
              city: str(r.city),
              state: str(r.state),
              created_at: str(r.created_at),
              marketing_opt_in: r.marketing_opt_in === null || r.marketing_opt_in === undefined ? null : String(r.marketing_opt_in),
              source: P,
            },
          ],
        },
      }),
      { filter: { role: 'eq.customer' }, sweep: { table: 'customers', key: 'customer_id' } },
    ),
    keysetStream('services', 'services', (r) => ({
      rows: {
        items: [{ item_id: `${P}:${r.id}`, name: str(r.name), kind: str(r.kind), category: str(r.category), list_price: moneyRaw(r.price), cost: moneyRaw(r.cost), duration_min: str(r.duration_min) }],
      },
    })),
    keysetStream('appointments', 'appointments', sale, { select: '*,bookings(*)', sweep: { table: 'sales', key: 'sale_id' } }),
    keysetStream(
      'payments',
      'payments',
      (r) => ({
        rows: {
          payments: [
            {
              payment_id: `${P}:${r.id}`,
              sale_id: ref(r.appointment_id),
              occurred_at: str(r.paid_at),
              // An unknown word passes through, so the row is rejected naming it.
              method: matchPaymentMethod(str(r.method)) ?? str(r.method),
              kind: str(r.kind),
              amount: moneyRaw(r.amount),
              fee_amount: moneyRaw(r.fee),
            },
          ],
        },
      }),
      { sweep: { table: 'payments', key: 'payment_id' } },
    ),
    keysetStream('loyalty', 'loyalty_transactions', (r) => ({
      rows: {
        loyalty_transactions: [
          { loyalty_txn_id: `${P}:${r.id}`, customer_id: ref(r.profile_id), sale_id: ref(r.appointment_id), occurred_at: str(r.created_at), kind: str(r.kind), points: str(r.points) },
        ],
      },
    })),
  ],
};
