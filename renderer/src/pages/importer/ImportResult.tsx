// The result of an import, per file: rows new / replaced / unchanged / rejected per table, why a file loaded
// nothing, and the rejected rows with their line, column, value and a plain reason.
import { useEffect, useState } from 'react';
import type { ImportReject, ImportSummary } from '../../../../shared/api/import';
import { call } from '../../api/client';
import { href } from '../../app/router';
import { useI18n } from '../../i18n/useI18n';
import { columnWord, isCanonicalTable, modelTable } from '../../../../shared/model';
import { filesInWords } from './historyGroups';
import { useImportText } from './importText';


export function ImportResult({ summary, mapHref }: { summary: ImportSummary; mapHref?: string }) {
  const { tx, reason, f } = useImportText();
  const { l, locale } = useI18n();
  const tableName = (t: string) => (isCanonicalTable(t) ? l(modelTable(t).label, t) : t);
  const [rejects, setRejects] = useState<ImportReject[]>([]);
  useEffect(() => {
    if (!summary.rejected) return;
    void call('import.rejects', { importId: summary.importId, limit: 200, offset: 0 }).then((r) => r.ok && setRejects(r.value.rows));
  }, [summary.importId, summary.rejected]);
  const needsMapping = summary.files.filter((x) => x.needsMapping).map((x) => x.file);

  return (
    <div className="import-result" data-testid="import-result">
      {summary.files.map((file) => (
        <div key={`${file.file}#${file.sheet ?? ''}`} className="import-file" data-testid="import-file-result">
          <h4>{filesInWords(locale, [{ file: file.sheet ? `${file.file}#${file.sheet}` : file.file, table: file.tables[0]?.table ?? null }])}</h4>
          {file.error ? (
            <p className="source-error" role="alert">
              {tx('nothingLoaded')} {file.needsMapping ? tx('needsMapping') : file.error.message}
            </p>
          ) : (
            <table className="simple-table">
              <thead>
                <tr>
                  <th scope="col">{tx('table')}</th>
                  <th scope="col">{tx('loaded')}</th>
                  <th scope="col">{tx('replaced')}</th>
                  <th scope="col">{tx('unchanged')}</th>
                  <th scope="col">{tx('rejected')}</th>
                </tr>
              </thead>
              <tbody>
                {file.tables.map((t) => (
                  <tr key={t.table}>
                    <th scope="row">{tableName(t.table)}</th>
                    <td>{f.integer(t.loaded)}</td>
                    <td>{f.integer(t.replaced)}</td>
                    <td>{f.integer(t.unchanged)}</td>
                    <td>{f.integer(t.rejected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!file.error && file.tables.length > 0 && file.tables.every((t) => t.loaded + t.replaced + t.rejected === 0) && (
            <p className="muted" data-testid="import-unchanged">
              {tx('allUnchanged', { n: f.integer(file.tables.reduce((a, t) => a + t.unchanged, 0)) })}
            </p>
          )}
        </div>
      ))}
      {needsMapping.length > 0 && mapHref !== undefined && (
        <a className="btn btn-primary" href={mapHref || href('/import', { paths: needsMapping.join('\n') })}>
          {tx('mapIt')}
        </a>
      )}
      {rejects.length > 0 && (
        <table className="simple-table" data-testid="import-rejects">
          <caption>{tx('rejectsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{tx('file')}</th>
              <th scope="col">{tx('line')}</th>
              <th scope="col">{tx('column')}</th>
              <th scope="col">{tx('value')}</th>
              <th scope="col">{tx('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rejects.map((r, i) => (
              <tr key={i}>
                <td>{filesInWords(locale, [r])}</td>
                <td>{r.line ?? ''}</td>
                <td>{r.column ? columnWord(r.column, locale, r.table ?? undefined) : ''}</td>
                <td>{r.value ?? ''}</td>
                <td>{reason(r.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
