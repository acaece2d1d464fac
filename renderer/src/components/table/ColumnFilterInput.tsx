// One column's filter box: typed text is applied after a short pause so each keystroke is not a query.
import { useEffect, useRef, useState } from 'react';
import type { TableColumn } from './DataTable';
import { useI18n } from '../../i18n/useI18n';
import { parseColumnFilter } from './columnFilter';

const HINTS: Record<string, string> = { integer: '> 10', decimal: '> 10', money: '>= 100', percent: '> 5', date: '2024-01..2024-03', timestamp: '>= 2024-01-01' };

export function ColumnFilterInput({ column, value, onChange }: { column: TableColumn; value: string; onChange(v: string): void }) {
  const { t, l } = useI18n();
  const [text, setText] = useState(value);
  const timer = useRef<number | null>(null);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  const invalid = text.trim() !== '' && parseColumnFilter(column.id, column.type, text) === null;
  return (
    <input
      className={`dt-filter${invalid ? ' invalid' : ''}`}
      value={text}
      aria-label={t('table.filter', { name: l(column.label, column.id) })}
      aria-invalid={invalid}
      placeholder={HINTS[column.type] ?? '…'}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onChange(v), 250);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          if (timer.current !== null) window.clearTimeout(timer.current);
          onChange(text);
        }
      }}
    />
  );
}
