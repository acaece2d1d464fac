// The rows of a contact list: select for bulk marking, name (opens the customer), phone, last service and
// professional, last visit, the rendered message, and per row the WhatsApp link and "mark as contacted".
import { href } from '../../app/router';
import { useI18n } from '../../i18n/useI18n';
import { useWords } from './contactText';

export interface ContactRow {
  customer_id: string;
  name: string | null;
  phone_e164: string | null;
  last_service: string | null;
  professional: string | null;
  last_visit: string | null;
  days_since_last: number | null;
  contacted: boolean;
  message: string;
  whatsapp_url: string | null;
}

/** +5511987654321 -> +55 11 98765-4321 (other countries as they are). */
function phoneText(e164: string): string {
  const m = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(e164);
  return m ? `+55 ${m[1]} ${m[2]}-${m[3]}` : e164;
}

export function ContactRows({ rows, selected, onSelect, onMark, label }: { rows: ContactRow[]; selected: Set<string>; onSelect: (s: Set<string>) => void; onMark: (id: string) => void; label: string }) {
  const { f } = useI18n();
  const w = useWords();
  const selectable = rows.filter((r) => r.whatsapp_url && !r.contacted);
  const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.customer_id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <div className="table-scroll contact-table-wrap">
      <table className="simple-table contact-table" aria-label={label} data-testid="contact-rows">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={w('contacts.col.select')}
                checked={allOn}
                disabled={!selectable.length}
                onChange={() => onSelect(allOn ? new Set() : new Set(selectable.map((r) => r.customer_id)))}
              />
            </th>
            <th scope="col">{w('contacts.col.name')}</th>
            <th scope="col">{w('contacts.col.phone')}</th>
            <th scope="col">{w('contacts.col.service')}</th>
            <th scope="col">{w('contacts.col.professional')}</th>
            <th scope="col">{w('contacts.col.lastVisit')}</th>
            <th scope="col">{w('contacts.col.message')}</th>
            <th scope="col">{w('contacts.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.customer_id} data-testid="contact-row" data-customer={r.customer_id} data-contacted={r.contacted ? 'true' : 'false'}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${w('contacts.col.select')}: ${r.name ?? ''}`}
                  checked={selected.has(r.customer_id)}
                  disabled={!r.whatsapp_url || r.contacted}
                  onChange={() => toggle(r.customer_id)}
                />
              </td>
              <td>
                <a href={href(`/customers/${encodeURIComponent(r.customer_id)}`)}>{r.name ?? '—'}</a>
              </td>
              <td className="nowrap">{r.phone_e164 ? phoneText(r.phone_e164) : <span className="muted">{w('contacts.noPhone')}</span>}</td>
              <td>{r.last_service ?? '—'}</td>
              <td>{r.professional ?? '—'}</td>
              <td className="nowrap">
                {f.date(r.last_visit)}
                {r.days_since_last !== null && <div className="muted small">{w('contacts.daysAgo', { n: f.integer(r.days_since_last) })}</div>}
              </td>
              <td className="contact-message">{r.message}</td>
              <td>
                <div className="contact-actions">
                  {r.whatsapp_url && (
                    <a className="btn btn-small btn-whatsapp" href={r.whatsapp_url} target="_blank" rel="noopener noreferrer" data-testid="wa-link">
                      {w('contacts.open')}
                    </a>
                  )}
                  {r.contacted ? (
                    <span className="chip chip-done">✓ {w('contacts.contacted')}</span>
                  ) : (
                    r.whatsapp_url && (
                      <button type="button" className="btn btn-small" onClick={() => onMark(r.customer_id)} data-testid="mark-one">
                        {w('contacts.mark')}
                      </button>
                    )
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
