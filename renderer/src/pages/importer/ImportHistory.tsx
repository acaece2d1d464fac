// Past imports, newest first, one line per import with its files and counts, each with Undo (its rows removed,
// every other row stays); the demo data appears as its own entry with "Remove the demo data".
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImportLogEntry } from '../../../../shared/api/import';
import { call } from '../../api/client';
import { groupImports, outcomeWithoutNewRows, type ImportGroup } from './historyGroups';
import { useImportText } from './importText';

export function ImportHistory({ refreshKey }: { refreshKey: number }) {
  const { tx, f, locale } = useImportText();
  const [entries, setEntries] = useState<ImportLogEntry[] | null>(null);
  const groups = useMemo(() => (entries ? groupImports(locale, entries) : null), [entries, locale]);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('import.history', { limit: 500 }).then((r) => r.ok && setEntries(r.value));
  }, []);
  useEffect(load, [load, refreshKey]);

  const outcomeText = (g: ImportGroup) => {
    const o = outcomeWithoutNewRows(g);
    if (o.key === 'notLoaded') return tx('notLoaded');
    return o.n === 1 ? tx(o.key === 'nothingChanged' ? 'nothingChangedOne' : 'onlyReplacedOne') : tx(o.key, { n: f.integer(o.n) });
  };

  const undo = async (g: ImportGroup) => {
    if (!window.confirm(g.demo ? tx('confirmDemo') : tx('confirmUndo'))) return;
    const r = g.demo
      ? await call('import.removeDemo', {})
      : await call('import.undo', { importId: g.importId });
    if (r.ok) {
      const n = r.value.tables.reduce((a, t) => a + t.rows, 0);
      setNote(g.demo ? tx('demoRemoved', { n: f.integer(n) }) : tx('undone', { n: f.integer(n) }));
    } else setNote(r.error.message);
    load();
  };

  return (
    <section className="card import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">{tx('historyTitle')}</h2>
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
      {groups && groups.length === 0 && <p className="muted">{tx('historyEmpty')}</p>}
      {groups && groups.length > 0 && (
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{tx('when')}</th>
              <th scope="col">{tx('files')}</th>
              <th scope="col">{tx('loaded')}</th>
              <th scope="col">{tx('rejected')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.importId} data-testid="import-history-row">
                <td>{f.timestamp(g.startedAt)}</td>
                <td>{g.demo ? tx('demoLabel') : g.files}</td>
                <td>{g.demo ? '' : f.integer(g.loaded)}</td>
                <td>{g.demo ? '' : f.integer(g.rejected)}</td>
                <td>
                  {g.undone && <span className="muted">{tx('undoneLabel')}</span>}
                  {!g.undone && !g.demo && g.loaded === 0 && (
                    <span className="muted" data-testid="import-history-outcome">
                      {outcomeText(g)}
                    </span>
                  )}
                  {!g.undone && (g.demo || g.loaded > 0) && (
                    <button type="button" className="btn btn-small" onClick={() => void undo(g)}>
                      {g.demo ? tx('removeDemo') : tx('undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
