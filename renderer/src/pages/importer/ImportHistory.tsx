// Past imports, newest first, one line per import with its files and counts, each with Undo (its rows removed,
// every other row stays); the demo data appears as its own entry with "Remove the demo data".
import { useCallback, useEffect, useState } from 'react';
import type { ImportLogEntry } from '../../../../shared/api/import';
import { call } from '../../api/client';
import { useImportText } from './importText';

interface ImportGroup {
  importId: string;
  startedAt: string;
  files: string[];
  loaded: number;
  rejected: number;
  demo: boolean;
  undone: boolean;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

function group(entries: ImportLogEntry[]): ImportGroup[] {
  const byId = new Map<string, ImportGroup>();
  for (const e of entries) {
    const g = byId.get(e.importId) ?? { importId: e.importId, startedAt: e.startedAt, files: [], loaded: 0, rejected: 0, demo: e.format === 'demo', undone: !!e.undone };
    const name = baseName(e.file);
    if (!g.files.includes(name)) g.files.push(name);
    g.loaded += e.loaded;
    g.rejected += e.rejected;
    byId.set(e.importId, g);
  }
  return [...byId.values()];
}

export function ImportHistory({ refreshKey }: { refreshKey: number }) {
  const { tx, f } = useImportText();
  const [groups, setGroups] = useState<ImportGroup[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('import.history', { limit: 500 }).then((r) => r.ok && setGroups(group(r.value)));
  }, []);
  useEffect(load, [load, refreshKey]);

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
                <td>{g.demo ? tx('demoLabel') : g.files.join(', ')}</td>
                <td>{g.demo ? '' : f.integer(g.loaded)}</td>
                <td>{g.demo ? '' : f.integer(g.rejected)}</td>
                <td>
                  {g.undone && <span className="muted">{tx('undoneLabel')}</span>}
                  {!g.undone && !g.demo && g.loaded === 0 && <span className="muted">{tx('notLoaded')}</span>}
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
