// The message template of a contact list: edited as text, checked here with the same rules as the engine
// (known placeholders only, not empty, not too long) and applied to every row when the person says so.
import { useState } from 'react';
import { TEMPLATE_MAX } from '../../../../shared/contacts';
import { useWords } from './contactText';

const KNOWN = new Set(['nome', 'name', 'servico', 'serviço', 'service', 'profissional', 'professional']);

/** The first problem of a template in words, or null when it can be applied. */
export function templateProblem(text: string, w: ReturnType<typeof useWords>): string | null {
  if (!text.trim()) return w('contacts.empty');
  if (text.length > TEMPLATE_MAX) return w('contacts.tooLong', { n: text.length, max: TEMPLATE_MAX });
  for (const m of text.matchAll(/\{([^{}]{0,40})\}/g)) if (!KNOWN.has(m[1].trim().toLowerCase())) return w('contacts.unknownField', { field: m[0] });
  return null;
}

export function TemplateEditor({ value, suggested, campaign, onApply }: { value: string; suggested: string; campaign: string; onApply: (template: string) => void }) {
  const w = useWords();
  const [draft, setDraft] = useState(value);
  const problem = templateProblem(draft, w);
  return (
    <div className="card template-editor">
      <p className="muted small">{w('contacts.campaign', { campaign })}</p>
      <div className="field">
        <label htmlFor="contact-template">{w('contacts.template')}</label>
        <textarea
          id="contact-template"
          rows={3}
          value={draft}
          maxLength={TEMPLATE_MAX + 200}
          aria-invalid={!!problem}
          aria-describedby="contact-template-help"
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <p id="contact-template-help" className={problem ? 'field-error' : 'muted small'} role={problem ? 'alert' : undefined}>
        {problem ?? w('contacts.templateHelp')}
      </p>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" disabled={!!problem || draft === value} onClick={() => onApply(draft === suggested ? '' : draft)} data-testid="apply-template">
          {w('contacts.apply')}
        </button>
        <button type="button" className="btn btn-ghost" disabled={value === suggested} onClick={() => onApply('')}>
          {w('contacts.reset')}
        </button>
      </div>
    </div>
  );
}
