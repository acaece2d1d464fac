// The header row of the agenda's lists: column words from the agenda.col.* messages, numeric columns aligned right.
import { useI18n, type MessageKey } from '../../i18n/useI18n';

type ColId = MessageKey extends infer K ? (K extends `agenda.col.${infer Id}` ? Id : never) : never;
export type AgendaCol = ColId | [ColId, 'num'];

export function AgendaHead({ cols }: { cols: AgendaCol[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {cols.map((c) => {
          const [id, num] = typeof c === 'string' ? [c, undefined] : c;
          return (
            <th key={id} scope="col" className={num}>
              {t(`agenda.col.${id}` as MessageKey)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
