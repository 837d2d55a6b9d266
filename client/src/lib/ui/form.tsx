import { useCallback, useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Locale } from '../../../../shared/messages';
import { fieldErrors } from '../../../../shared/validation';
import type { I18n } from '../../i18n/use-i18n';
import { ApiError } from '../api';

/** What went wrong with a form: a summary sentence and messages per field ("(body)" = whole form). */
export interface FormProblem {
  message: string;
  fields: Record<string, string>;
}

type Issue = Parameters<typeof fieldErrors>[0][number];

export function problemFromIssues(issues: readonly Issue[], locale: Locale, t: I18n['t']): FormProblem {
  const fields: Record<string, string> = {};
  for (const error of fieldErrors(issues, locale)) {
    // Array items ("districts.2") belong to their list's field.
    const field = error.field.split('.')[0];
    fields[field] ??= error.message;
  }
  return { message: t('form.fixErrors'), fields };
}

export function problemFromError(error: unknown, t: I18n['t']): FormProblem {
  if (error instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const fieldError of error.problem.errors ?? []) {
      const field = fieldError.field.split('.')[0];
      fields[field] ??= fieldError.message;
    }
    return { message: error.problem.detail ?? error.problem.title, fields };
  }
  return { message: t('error.unexpectedShort'), fields: {} };
}

export const fieldId = (idPrefix: string, name: string) => `${idPrefix}-${name}`;

/**
 * The GOV.UK-style error summary: announced (role="alert"), focused after a failed submit, each field
 * error a link to its field.
 */
export function ErrorSummary({
  problem,
  idPrefix,
  labels,
  title,
}: {
  problem: FormProblem | null;
  idPrefix: string;
  labels: Record<string, string>;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const entries = Object.entries(problem.fields);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${idPrefix}-error-title`}>
      <h2 id={`${idPrefix}-error-title`} className="error-summary-title">
        {title ?? problem.message}
      </h2>
      {title && <p>{problem.message}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, text]) =>
            labels[field] ? (
              <li key={field}>
                <a
                  href={`#${fieldId(idPrefix, field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(fieldId(idPrefix, field));
                    const focusable = target?.matches('fieldset') ? target.querySelector<HTMLElement>('input, select, textarea') : target;
                    focusable?.focus();
                    target?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {labels[field]}: {text}
                </a>
              </li>
            ) : (
              <li key={field}>{text}</li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optionalText?: string;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

function FieldShell({ id, label, hint, error, optionalText, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optionalText && <span className="field-optional"> {optionalText}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children({ 'aria-describedby': describedBy(hintId, errorId), ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends InputProps {
  idPrefix: string;
  name: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  optionalText?: string;
}

export function TextField({ idPrefix, name, label, value, onValueChange, hint, error, optionalText, className, ...rest }: TextFieldProps) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      {(aria) => (
        <input
          id={id}
          name={name}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          className={['input', className].filter(Boolean).join(' ')}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  idPrefix,
  name,
  label,
  value,
  onValueChange,
  hint,
  error,
  optionalText,
  rows = 5,
}: Omit<TextFieldProps, keyof InputProps> & { rows?: number }) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      {(aria) => (
        <textarea id={id} name={name} rows={rows} value={value} onChange={(event) => onValueChange(event.target.value)} className="input textarea" {...aria} />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  idPrefix,
  name,
  label,
  value,
  onValueChange,
  options,
  hint,
  error,
  optionalText,
  placeholder,
}: Omit<TextFieldProps, keyof InputProps> & { options: Option[]; placeholder?: string }) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      {(aria) => (
        <select id={id} name={name} value={value} onChange={(event) => onValueChange(event.target.value)} className="input select" {...aria}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A multi-select as a group of checkboxes: a fieldset whose legend names the question. */
export function CheckboxGroup({
  idPrefix,
  name,
  legend,
  options,
  value,
  onValueChange,
  hint,
  error,
  optionalText,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  options: Option[];
  value: readonly string[];
  onValueChange(value: string[]): void;
  hint?: ReactNode;
  error?: string;
  optionalText?: string;
}) {
  const id = fieldId(idPrefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (option: string, checked: boolean) =>
    onValueChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset id={id} className={error ? 'fieldset field-has-error' : 'fieldset'} aria-describedby={describedBy(hintId, errorId)}>
      <legend className="field-label">
        {legend}
        {optionalText && <span className="field-optional"> {optionalText}</span>}
      </legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="checkbox-grid">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                type="checkbox"
                id={optionId}
                name={name}
                value={option.value}
                checked={value.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  idPrefix,
  name,
  label,
  checked,
  onCheckedChange,
  hint,
  error,
}: {
  idPrefix: string;
  name: string;
  label: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  hint?: ReactNode;
  error?: string;
}) {
  const id = fieldId(idPrefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-describedby={describedBy(hintId, errorId)}
          {...(error ? { 'aria-invalid': true as const } : {})}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={hintId} className="field-hint checkbox-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A button for a slow action. While busy it says so ("Sparar…") and ignores presses; it stays
 * focusable (aria-disabled rather than disabled) so keyboard users do not lose their place.
 */
export function BusyButton({
  busy,
  busyText,
  children,
  type = 'submit',
  variant = 'primary',
  onClick,
  describedBy: describedById,
  className,
  autoFocus,
}: {
  busy: boolean;
  busyText: string;
  children: ReactNode;
  type?: 'submit' | 'button';
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  onClick?(): void;
  describedBy?: string;
  className?: string;
  autoFocus?: boolean;
}) {
  return (
    <button
      autoFocus={autoFocus}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || undefined}
      aria-describedby={describedById}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.();
      }}
    >
      {busy ? busyText : children}
    </button>
  );
}

/**
 * A polite live region that exists before its message does, so the change is announced.
 * `hidden` keeps it for screen readers only (when the busy button already shows the same words).
 */
export function LiveStatus({ message, hidden, kind = 'success' }: { message: string | null | undefined; hidden?: boolean; kind?: 'success' | 'info' }) {
  const className = hidden ? 'visually-hidden' : message ? `live-status notice notice-${kind}` : 'live-status';
  return (
    <p role="status" className={className}>
      {message ?? ''}
    </p>
  );
}

/** Form values as one object, with a setter per field. */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(
    <K extends keyof T>(key: K) =>
      (value: T[K]) =>
        setValues((current) => ({ ...current, [key]: value })),
    [],
  );
  return [values, set, setValues] as const;
}
