// The CLI's commands, in the order `painel help` lists them; each command's code loads only when it runs.
import type { Command } from '../command';

export const COMMANDS: Command[] = [
  { name: 'info', summary: 'version, database file and row counts', usage: 'painel info [--json]', load: () => import('./info').then((m) => m.run) },
  { name: 'serve', summary: 'browser mode: serve the app and the API on 127.0.0.1', usage: 'painel serve [--port N] [--no-open] [--static DIR]', load: () => import('./serve').then((m) => m.run) },
  { name: 'call', summary: 'call any contract method with a JSON input', usage: "painel call METHOD [--json '{...}'] [--wait]", load: () => import('./call').then((m) => m.run) },
  {
    name: 'report',
    summary: 'print any report (the same numbers as the app) as a table, CSV or JSON',
    usage:
      'painel report ID|list [--preset P | --from YYYY-MM-DD --to YYYY-MM-DD | --month YYYY-MM] [--today YYYY-MM-DD] [--location ID,..] [--employee ID,..] ' +
      '[--source S,..] [--category C,..] [--cluster C,..] [--param NAME=VALUE ...] [--view V] [--sort COL[:desc]] [--search TEXT] ' +
      '[--format csv|json|table] [--lang pt-BR|en] [--out FILE]',
    load: () => import('./report').then((m) => m.run),
  },
  {
    name: 'analytics',
    summary: 'build the monthly RFM history, fit customer value, compute the revenue forecast',
    usage:
      'painel analytics rfm-history [--from YYYY-MM] [--to YYYY-MM] | fit-value [--as-of YYYY-MM-DD] | forecast [--granularity day|month] [--horizon N] [--as-of YYYY-MM-DD] [--json]',
    load: () => import('./analytics').then((m) => m.run),
  },
  {
    name: 'close',
    summary: 'monthly closing pack (fechamento mensal) for the accountant, PDF or XLSX',
    usage: 'painel close [--month YYYY-MM (default: the last complete month)] [--format pdf|xlsx] [--out FILE] [--overwrite] [--locale pt-BR|en]',
    load: () => import('./close').then((m) => m.run),
  },
  {
    name: 'sync',
    summary: 'pull the business sources (salon back end, WooCommerce, Bling, Mercado Livre, HubSpot)',
    usage: 'painel sync [--source NAME] [--base-url URL] [--full] [--status] [--json]',
    load: () => import('./sync').then((m) => m.run),
  },
  {
    name: 'simulate',
    summary: 'run local simulators of the source APIs (for trying sync without real accounts)',
    usage: 'painel simulate [--source NAME,...] [--port N] [--data DB] [--customers N] [--sales N] [--latency MS] [--rate-limit-every N] [--errors N] [--churn N] [--configure]',
    load: () => import('./simulate').then((m) => m.run),
  },
  {
    name: 'import',
    summary: 'load canonical CSV/Parquet/XLSX files or folders, WooCommerce or Bling exports, and any spreadsheet by a mapping',
    usage: 'painel import PATH... [--accept-suggested | --template NAME] [--save-template NAME] [--json] | painel import --templates',
    load: () => import('./import').then((m) => m.run),
  },
  {
    name: 'demo',
    summary: 'generate the demo dataset (same seed, same data)',
    usage: 'painel demo [--preset small|medium|large] [--customers N] [--months N] [--seed N] [--end YYYY-MM-DD] [--replace] [--json]',
    load: () => import('./demo').then((m) => m.run),
  },
  {
    name: 'rollups',
    summary: 'rebuild the daily rollups (per-day summaries reports answer from) from the sales, lines and payments',
    usage: 'painel rollups rebuild [--json]',
    load: () => import('./rollups').then((m) => m.run),
  },
  {
    name: 'restore',
    summary: 'list backups, or restore one in place of the database file',
    usage: 'painel restore --list | --latest | --backup FILE [--json]',
    load: () => import('./restore').then((m) => m.run),
  },
];
