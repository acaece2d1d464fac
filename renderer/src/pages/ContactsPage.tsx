// Contacts: one list (a segment, an RFM cluster, birthdays or customers who did not come back) ready to call on
// WhatsApp — the message template, each row's wa.me link, marking contacted one by one or in bulk, and the list
// as CSV through the report export. The list is in the address (#/contacts/<list>), so it can be linked to.
import { useMemo, useState } from 'react';
import { CONTACT_LISTS, contactListLabel, parseContactList, type ContactListId, type MarkContactedResult } from '../../../shared/contacts';
import type { PainelErrorData } from '../../../shared/errors';
import { arrowToRows } from '../api/arrowRows';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { href, navigate, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { ExportMenu } from './report/ExportMenu';
import { useWords } from './contacts/contactText';
import { TemplateEditor } from './contacts/TemplateEditor';
import { ContactRows, type ContactRow } from './contacts/ContactRows';

const DEFAULT_LIST: ContactListId = 'segment:winback_high_value';
const PAGE = 50;
const templateKey = (list: string) => `painel.contactTemplate.${list}`;

function savedTemplate(list: string): string {
  try {
    return localStorage.getItem(templateKey(list)) ?? '';
  } catch {
    return '';
  }
}

export default function ContactsPage({ route }: { route: Route }) {
  const { f, l } = useI18n();
  const w = useWords();
  const list = ((CONTACT_LISTS as readonly string[]).includes(route.parts[1] ?? '') ? route.parts[1] : DEFAULT_LIST) as ContactListId;
  const [template, setTemplate] = useState(() => savedTemplate(list));
  const [shownFor, setShownFor] = useState(list);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [marked, setMarked] = useState<MarkContactedResult | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  if (shownFor !== list) {
    // another list: its own saved template, first page, nothing selected
    setShownFor(list);
    setTemplate(savedTemplate(list));
    setOffset(0);
    setSelected(new Set());
    setMarked(null);
  }
  const res = useCall('contacts.list', { list, template: template || undefined, offset, limit: PAGE, withTotal: true });
  const d = res.data;
  const rows = useMemo(() => {
    if (!d) return [] as ContactRow[];
    const ids = d.page.columns.map((c) => c.id);
    return arrowToRows(d.page.arrow).rows.map((r) => Object.fromEntries(ids.map((id, i) => [id, r[i]])) as unknown as ContactRow);
  }, [d]);

  const applyTemplate = (next: string) => {
    setTemplate(next);
    try {
      if (next) localStorage.setItem(templateKey(list), next);
      else localStorage.removeItem(templateKey(list));
    } catch {
      // storage disabled: the template holds until the page closes
    }
  };

  const mark = async (input: { customerIds: string[] } | { all: true }) => {
    setError(null);
    const r = await call('contacts.markContacted', { list, ...input });
    if (!r.ok) return setError(r.error);
    setMarked(r.value);
    setSelected(new Set());
    res.reload();
  };

  const total = d?.page.total ?? 0;
  return (
    <section className="page contacts" aria-labelledby="contacts-title" data-testid="contacts-page" data-list={list}>
      <header className="page-head">
        <div>
          <h1 id="contacts-title">{w('contacts.title')}</h1>
          <p className="muted">{w('contacts.intro')}</p>
        </div>
        {d && (
          <ExportMenu
            input={{ report: 'contact-list', period: { preset: 'custom', from: d.asOf, to: d.asOf }, params: { list, template: d.template } }}
            sort={[]}
            title={l(d.label)}
          />
        )}
      </header>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="contact-list">{w('contacts.list')}</label>
          <select id="contact-list" value={list} onChange={(e) => navigate(`/contacts/${e.target.value}`)}>
            {(['segment', 'cluster', 'special'] as const).map((kind) => (
              <optgroup key={kind} label={w(kind === 'segment' ? 'contacts.group.segments' : kind === 'cluster' ? 'contacts.group.clusters' : 'contacts.group.special')}>
                {CONTACT_LISTS.filter((id) => parseContactList(id).kind === kind).map((id) => (
                  <option key={id} value={id}>
                    {l(contactListLabel(id))}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {d && <span className="muted small">{w('contacts.asOf', { date: f.date(d.asOf) })}</span>}
      </div>
      <div className="contacts-top">
        {d && (
          <TemplateEditor
            key={`${list}:${d.template}`}
            value={d.template}
            suggested={d.defaultTemplate}
            campaign={l(d.campaign)}
            onApply={applyTemplate}
          />
        )}
        {d && (
          <div className="card contact-summary" data-testid="contact-summary" data-members={d.summary.members} data-with-phone={d.summary.withPhone} data-without-phone={d.summary.withoutPhone} data-contacted={d.summary.contacted}>
            <p>
              {w('contacts.summary', {
                members: f.integer(d.summary.members),
                withPhone: f.integer(d.summary.withPhone),
                withoutPhone: f.integer(d.summary.withoutPhone),
                contacted: f.integer(d.summary.contacted),
              })}
            </p>
            {d.summary.notOptedIn > 0 && <p className="muted small">{w('contacts.notOptedIn', { n: f.integer(d.summary.notOptedIn) })}</p>}
            <p className="muted small">
              {w('contacts.funnel', { name: `WhatsApp · ${l(d.label)}` })}{' '}
              <a href={href('/reports/campaign-funnels')}>{w('contacts.seeFunnel')}</a>
            </p>
            <div className="toolbar">
              <button type="button" className="btn" disabled={!selected.size} onClick={() => void mark({ customerIds: [...selected] })} data-testid="mark-selected">
                {w('contacts.markSelected', { n: selected.size })}
              </button>
              <button
                type="button"
                className="btn"
                disabled={d.summary.withPhone <= d.summary.contacted}
                onClick={() => window.confirm(w('contacts.confirmAll', { n: f.integer(d.summary.withPhone - d.summary.contacted) })) && void mark({ all: true })}
                data-testid="mark-all"
              >
                {w('contacts.markAll')}
              </button>
              {marked && (
                <span role="status" className="muted small" data-testid="marked">
                  {w('contacts.marked', { marked: f.integer(marked.marked), already: f.integer(marked.already), skipped: f.integer(marked.skipped) })}
                </span>
              )}
            </div>
          </div>
        )}
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {res.error?.code === 'BAD_INPUT' && template && (
        <button type="button" className="btn" onClick={() => applyTemplate('')}>
          {w('contacts.reset')}
        </button>
      )}
      {error && <ErrorNote error={error} />}
      {d && !rows.length && <p className="muted">{w('contacts.none')}</p>}
      {d && rows.length > 0 && (
        <ContactRows
          rows={rows}
          selected={selected}
          onSelect={setSelected}
          onMark={(id) => void mark({ customerIds: [id] })}
          label={l(d.label)}
        />
      )}
      {d && total > PAGE && (
        <div className="toolbar pager">
          <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {w('contacts.prev')}
          </button>
          <span className="muted small">{w('contacts.range', { from: f.integer(offset + 1), to: f.integer(Math.min(total, offset + PAGE)), total: f.integer(total) })}</span>
          <button type="button" className="btn btn-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {w('contacts.next')}
          </button>
        </div>
      )}
    </section>
  );
}
