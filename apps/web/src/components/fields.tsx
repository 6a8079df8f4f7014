/** Form building blocks that wire labels, hints and errors together the accessible way. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export const fieldId = (name: string) => `field-${name}`;
const errorId = (name: string) => `error-${name}`;
const hintId = (name: string) => `hint-${name}`;

export function describedBy(name: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Marker({ required }: { required: boolean }) {
  const { t } = useI18n();
  return <span className="field__marker">{required ? t.common.required : t.common.optional}</span>;
}

export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field__error" id={errorId(name)}>
      {error}
    </p>
  );
}

export function Hint({ name, children }: { name: string; children: ReactNode }) {
  return (
    <p className="field__hint" id={hintId(name)}>
      {children}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  required: boolean;
  hint?: ReactNode;
  error: string | undefined;
  children: (a11y: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined; required: boolean }) => ReactNode;
}

/** A single control (input, select) with its label. */
export function Field({ name, label, required, hint, error, children }: FieldProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={fieldId(name)} className="field__label">
        {label} <Marker required={required} />
      </label>
      {hint ? <Hint name={name}>{hint}</Hint> : null}
      <FieldError name={name} error={error} />
      {children({ id: fieldId(name), 'aria-describedby': describedBy(name, Boolean(hint), error), 'aria-invalid': error ? true : undefined, required })}
    </div>
  );
}

/** A group of radios or checkboxes. The first control gets the field's id so the error summary can focus it. */
export function Group({ name, legend, required, hint, error, children, className }: {
  name: string;
  legend: string;
  required: boolean;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={`field group${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`} aria-describedby={describedBy(name, Boolean(hint), error)}>
      <legend className="field__label">
        {legend} <Marker required={required} />
      </legend>
      {hint ? <Hint name={name}>{hint}</Hint> : null}
      <FieldError name={name} error={error} />
      {children}
    </fieldset>
  );
}

export function Choice({ type, name, id, checked, onChange, label, description }: {
  type: 'radio' | 'checkbox';
  name: string;
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  description?: string | null;
}) {
  const descId = description ? `${id}-desc` : undefined;
  return (
    <div className="choice">
      <input type={type} name={name} id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={descId} />
      <label htmlFor={id}>
        <span className="choice__label">{label}</span>
        {description ? (
          <span className="choice__desc" id={descId}>
            {description}
          </span>
        ) : null}
      </label>
    </div>
  );
}
