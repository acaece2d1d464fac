// One valid input per contract method, used by the generic contract suite (add one with every new method).
export const CONTRACT_SAMPLES: Record<string, unknown> = {
  'app.info': {},
  'jobs.list': {},
  'jobs.get': { id: 'no-such-job' },
  'jobs.cancel': { id: 'no-such-job' },
  'jobs.wait': { id: 'no-such-job', timeoutMs: 10 },
  'query.tables': {},
  'query.page': { table: 'sales', limit: 10, sort: [{ column: 'occurred_at', desc: true }], filters: [{ column: 'status', op: 'eq', value: 'completed' }], search: 'x' },
  'settings.get': {},
  'settings.set': { businessName: 'Salão Teste' },
  'settings.backup': {},
  'settings.backups': {},
  'settings.restore': { fileName: 'no-such-backup.duckdb' },
};
