// Show/hide columns: a disclosure button with one labelled checkbox per column.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { useFitInWindow } from '../useFitInWindow';
import type { TableColumn } from './DataTable';

export function ColumnsMenu({ columns, visibility, onChange }: { columns: TableColumn[]; visibility: Record<string, boolean>; onChange(v: Record<string, boolean>): void }) {
  const { t, l } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  useFitInWindow(pop, open);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const shown = columns.filter((c) => visibility[c.id] !== false).length;
  return (
    <div className="menu" ref={box}>
      <button type="button" className="btn" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        {t('table.columns')} ({shown}/{columns.length})
      </button>
      {open && (
        <div className="menu-pop" ref={pop} role="group" aria-label={t('table.columns')}>
          {columns.map((c) => (
            <label key={c.id} className="menu-check">
              <input
                type="checkbox"
                checked={visibility[c.id] !== false}
                disabled={visibility[c.id] !== false && shown === 1}
                onChange={(e) => onChange({ ...visibility, [c.id]: e.target.checked })}
              />
              {l(c.label, c.id)}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
