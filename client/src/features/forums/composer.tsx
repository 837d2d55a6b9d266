import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { z } from 'zod';
import type { mentionableSchema } from '../../../../shared/forums';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { SelectField, fieldId } from '../../lib/ui/form';
import { useMentionables } from './api';

type Mentionable = z.infer<typeof mentionableSchema>;

/** Inserts `text` into `value` at the selection [start, end), with a space either side as needed. */
export function insertAt(value: string, text: string, start: number, end: number) {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after.startsWith(' ') ? '' : ' ';
  const next = `${before}${lead}${text}${trail}${after}`;
  return { value: next, caret: before.length + lead.length + text.length + trail.length };
}

/**
 * "Mention someone": a button that opens a search field (the ARIA combobox pattern with
 * aria-activedescendant). Arrow keys choose, Enter inserts the person's or organisation's token at
 * the cursor in the text, Escape closes; focus then returns to the text.
 */
function MentionPicker({ textarea, value, onChange }: { textarea: RefObject<HTMLTextAreaElement | null>; value: string; onChange(value: string): void }) {
  const { t, plural } = useI18n();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const selection = useRef<[number, number]>([value.length, value.length]);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const results = useMentionables(debounced);
  const options = debounced ? (results.data?.results ?? []) : [];
  const expanded = open && options.length > 0;

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => setActive(0), [debounced, results.data]);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = (focusText: boolean) => {
    setOpen(false);
    setQ('');
    setDebounced('');
    if (focusText) requestAnimationFrame(() => textarea.current?.focus());
    else requestAnimationFrame(() => button.current?.focus());
  };

  const choose = (option: Mentionable) => {
    const [start, end] = selection.current;
    const inserted = insertAt(value, option.token, Math.min(start, value.length), Math.min(end, value.length));
    onChange(inserted.value);
    close(true);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(inserted.caret, inserted.caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (event.key === 'Enter') {
      // Never submits the post: Enter here means "insert this one".
      event.preventDefault();
      if (options[active]) choose(options[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(false);
    }
  };

  const status = !debounced
    ? t('mention.typeToSearch')
    : results.isFetching && !results.data
      ? t('mention.searching')
      : options.length === 0
        ? t('mention.none')
        : plural('mention.count', options.length);

  return (
    <div className="mention-picker">
      <button
        type="button"
        ref={button}
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          if (open) {
            close(false);
            return;
          }
          const area = textarea.current;
          selection.current = area ? [area.selectionStart, area.selectionEnd] : [value.length, value.length];
          setOpen(true);
        }}
      >
        {t('mention.button')}
      </button>
      <div id={`${id}-panel`} className="mention-panel" hidden={!open}>
        {open && (
          <>
            <label htmlFor={`${id}-input`} className="field-label">
              {t('mention.label')}
            </label>
            <p id={`${id}-hint`} className="field-hint">
              {t('mention.hint')}
            </p>
            <input
              ref={input}
              id={`${id}-input`}
              className="input"
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && options[active] ? `${id}-option-${active}` : undefined}
              aria-describedby={`${id}-hint`}
              autoComplete="off"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <p role="status" className="muted mention-status">
              {status}
            </p>
            <ul id={listId} role="listbox" className="mention-list" aria-label={t('mention.label')} hidden={!expanded}>
              {options.map((option, index) => (
                <li
                  key={`${option.kind}-${option.id}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {option.name} <span className="muted">({t(option.kind === 'user' ? 'mention.person' : 'mention.organisation')})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

/** The Markdown text area of every post form, with a mention picker under it. */
export function Composer({
  idPrefix,
  name = 'body',
  label,
  hint,
  value,
  onChange,
  error,
  textareaRef,
  rows = 6,
  autoFocus,
}: {
  idPrefix: string;
  name?: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  rows?: number;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const id = fieldId(idPrefix, name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-has-error composer' : 'field composer'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint ?? t('composer.markdownHint')}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        className="input textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        autoFocus={autoFocus}
      />
      <MentionPicker textarea={ref} value={value} onChange={onChange} />
    </div>
  );
}

/** "Post as": oneself, or an organisation one is an active member of. Hidden when there is none. */
export function OnBehalfField({ idPrefix, value, onChange, error }: { idPrefix: string; value: string; onChange(value: string): void; error?: string }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const organisations = (user?.memberships ?? []).filter((m) => m.status === 'active');
  if (!organisations.length) return null;
  return (
    <SelectField
      idPrefix={idPrefix}
      name="organisationId"
      label={t('composer.onBehalf')}
      hint={t('composer.onBehalfHint')}
      value={value}
      onValueChange={onChange}
      placeholder={t('composer.onBehalfSelf', { name: user?.name ?? '' })}
      options={organisations.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
      error={error}
    />
  );
}
