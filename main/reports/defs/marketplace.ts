// marketplace: Mercado Livre / WooCommerce listings from listing snapshots — price and price change in the
// period, stock, sold quantity, and the position of own listings against competitor listings of the same item;
// and the daily price history of every listing.
import { dateCol, intCol, keyCol, L, moneyCol, pctCol, textCol } from '../columns';
import type { ReportContext, ReportDefinition } from '../types';

const bool = (id: string, pt: string, en: string) => ({ ...textCol(id, pt, en), type: 'boolean' as const, sqlType: 'BOOLEAN', searchable: false });

function snapsSql(ctx: ReportContext): string {
  const cat = ctx.common.category?.length ? `AND item_id IN (SELECT item_id FROM items WHERE category IN (${ctx.common.category.map((c) => ctx.p(c)).join(', ')}))` : '';
  return `SELECT *, CAST(timezone(getvariable('biz_tz'), observed_at) AS DATE) AS d FROM listing_snapshots
    WHERE ${ctx.tsIn('observed_at', ctx.from, ctx.to)} ${cat}`;
}

export const marketplace: ReportDefinition = {
  id: 'marketplace',
  category: 'marketplace',
  title: L('Marketplace', 'Marketplace'),
  description: L('Preço, estoque e vendas dos seus anúncios, e como estão frente aos concorrentes.', 'Price, stock and sales of your listings, and how they stand against competitors.'),
  formula: L(
    'Anúncios (Mercado Livre / WooCommerce): preço e variação no período, estoque, quantidade vendida e a posição dos seus anúncios frente aos concorrentes do mesmo item; e o histórico diário de preços.',
    'Listings (Mercado Livre / WooCommerce): price and its change in the period, stock, sold quantity and the position of own listings against competitors of the same item; and the daily price history.',
  ),
  view: { id: 'listings', title: L('Anúncios', 'Listings') },
  columns: [
    keyCol('listing_id', 'Código do anúncio', 'Listing id'),
    keyCol('item_id', 'Código do item', 'Item id'),
    textCol('title', 'Título', 'Title'),
    keyCol('seller_id', 'Código do vendedor', 'Seller id'),
    bool('is_own', 'Próprio', 'Own'),
    dateCol('observed_on', 'Observado em', 'Observed on', { total: 'max' }),
    moneyCol('price', 'Preço', 'Price', { total: 'none' }),
    moneyCol('original_price', 'Preço original', 'Original price', { total: 'none' }),
    moneyCol('price_change', 'Variação do preço', 'Price change', { total: 'none' }),
    intCol('available_quantity', 'Estoque', 'Stock'),
    intCol('sold_quantity', 'Vendidos (total)', 'Sold (total)'),
    intCol('sold_in_period', 'Vendidos no período', 'Sold in the period'),
    intCol('competitors', 'Concorrentes', 'Competitors', { total: 'none' }),
    moneyCol('min_competitor_price', 'Menor preço concorrente', 'Lowest competitor price', { total: 'none' }),
    moneyCol('avg_competitor_price', 'Preço médio concorrente', 'Average competitor price', { total: 'none' }),
    pctCol('price_position', 'Posição vs menor preço', 'Position vs lowest price', null),
    intCol('price_rank', 'Ranking de preço', 'Price rank', { total: 'none', unit: undefined }),
  ],
  params: [],
  filters: ['category'],
  defaultPreset: 'last_30_days',
  defaultSort: [
    { column: 'is_own', desc: true },
    { column: 'sold_in_period', desc: true },
  ],
  charts: [{ id: 'sold', title: L('Vendidos no período', 'Sold in the period'), kind: 'bar', x: 'title', series: [{ column: 'sold_in_period' }], topN: 15 }],
  comparable: false,
  sql(ctx) {
    return `WITH inp AS (${snapsSql(ctx)}),
      last AS (SELECT * FROM inp QUALIFY row_number() OVER (PARTITION BY listing_id ORDER BY observed_at DESC) = 1),
      first AS (SELECT listing_id, arg_min(price, observed_at) AS first_price, arg_min(sold_quantity, observed_at) AS first_sold FROM inp GROUP BY 1),
      comp AS (SELECT o.listing_id, count(*) AS competitors, min(c.price) AS min_price, div_money(sum(c.price), count(c.price)) AS avg_price,
          count(*) FILTER (WHERE c.price < o.price) AS cheaper
        FROM last o JOIN last c ON c.item_id = o.item_id AND c.listing_id <> o.listing_id AND c.is_own IS NOT TRUE
        WHERE o.is_own GROUP BY 1)
      SELECT last.listing_id, last.item_id, last.title, last.seller_id, coalesce(last.is_own, false) AS is_own, last.d AS observed_on,
        last.price, last.original_price, last.price - first.first_price AS price_change,
        CAST(last.available_quantity AS BIGINT) AS available_quantity, CAST(last.sold_quantity AS BIGINT) AS sold_quantity,
        CAST(last.sold_quantity - first.first_sold AS BIGINT) AS sold_in_period,
        comp.competitors, comp.min_price AS min_competitor_price, comp.avg_price AS avg_competitor_price,
        safe_ratio(last.price - comp.min_price, comp.min_price) AS price_position,
        CASE WHEN comp.competitors IS NOT NULL THEN 1 + comp.cheaper END AS price_rank
      FROM last JOIN first USING (listing_id) LEFT JOIN comp USING (listing_id)`;
  },
  views: [
    {
      id: 'history',
      title: L('Histórico de preços', 'Price history'),
      columns: [
        dateCol('day', 'Dia', 'Day'),
        keyCol('listing_id', 'Código do anúncio', 'Listing id'),
        keyCol('item_id', 'Código do item', 'Item id'),
        textCol('title', 'Título', 'Title'),
        bool('is_own', 'Próprio', 'Own'),
        moneyCol('price', 'Preço', 'Price', { total: 'avg' }),
        moneyCol('original_price', 'Preço original', 'Original price', { total: 'none' }),
        intCol('available_quantity', 'Estoque', 'Stock', { total: 'none' }),
        intCol('sold_quantity', 'Vendidos (total)', 'Sold (total)', { total: 'none' }),
      ],
      defaultSort: [
        { column: 'listing_id', desc: false },
        { column: 'day', desc: false },
      ],
      charts: [{ id: 'price', title: L('Preço por dia', 'Price per day'), kind: 'line', x: 'day', by: 'title', series: [{ column: 'price' }] }],
      sql(ctx) {
        return `SELECT d AS day, listing_id, item_id, title, coalesce(is_own, false) AS is_own, price, original_price,
            CAST(available_quantity AS BIGINT) AS available_quantity, CAST(sold_quantity AS BIGINT) AS sold_quantity
          FROM (${snapsSql(ctx)}) QUALIFY row_number() OVER (PARTITION BY listing_id, d ORDER BY observed_at DESC) = 1`;
      },
    },
  ],
};
