// Thin React components on the Utrecht component library's CSS (white-label NL Design System, EUPL): semantic
// HTML with the library's classes, themed by our tokens (styles/tokens.css).
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { hasNavigated, Link } from '../router.tsx';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** The page's one h1; after an in-app navigation focus moves here, and the document title follows it. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Pactmonitor`;
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 className="utrecht-heading-1" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

export const H2 = ({ children, id }: { children: ReactNode; id?: string }) => (
  <h2 className="utrecht-heading-2" id={id}>
    {children}
  </h2>
);
export const H3 = ({ children, id }: { children: ReactNode; id?: string }) => (
  <h3 className="utrecht-heading-3" id={id}>
    {children}
  </h3>
);
export const P = ({ children, lead, className }: { children: ReactNode; lead?: boolean; className?: string }) => (
  <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)}>{children}</p>
);

export function Button({ appearance = 'primary', className, type = 'button', busy, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: 'primary' | 'secondary' | 'subtle'; busy?: boolean }) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      className={cx('utrecht-button', `utrecht-button--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`, busy && 'utrecht-button--busy', className)}
      {...rest}
    />
  );
}

/** A link styled as a button (downloads, the print view). */
export function ButtonLink({ href, children, download, appearance = 'secondary' }: { href: string; children: ReactNode; download?: boolean; appearance?: 'primary' | 'secondary' }) {
  return (
    <a className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}-action`)} href={href} download={download || undefined}>
      {children}
    </a>
  );
}

export function AppLink({ to, children, className, ...rest }: { to: string; children: ReactNode; className?: string; 'aria-current'?: 'page' | undefined; 'aria-describedby'?: string }) {
  return (
    <Link to={to} className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...rest}>
      {children}
    </Link>
  );
}

export function Alert({ type, children, live }: { type: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode; live?: boolean }) {
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`)} role={live ? (type === 'error' ? 'alert' : 'status') : undefined}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function StatusBadge({ status, children }: { status: 'safe' | 'danger' | 'warning' | 'neutral'; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`, `pact-badge--${status}`)}>{children}</span>;
}

export function DataList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows pact-data-list">
      {rows.map(([key, value]) => (
        <div className="utrecht-data-list__item" key={key}>
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  optional?: boolean;
}

/** A labelled form field with its description and, beside it, the server's error for it. */
export function FormField({ label, description, errors = [], children, optional }: FieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-beschrijving` : undefined;
  const errorId = errors.length ? `${id}-fout` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', errors.length > 0 && 'utrecht-form-field--invalid', 'pact-field')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="pact-optional"> (niet verplicht)</span>}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={descriptionId}>
          {description}
        </div>
      )}
      {errors.length > 0 && (
        <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId}>
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      <div className="utrecht-form-field__input">{children({ id, describedBy, invalid: errors.length > 0 })}</div>
    </div>
  );
}

/** A group of radio buttons in a fieldset, with description and server error. */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  description,
  errors = [],
  optional,
}: {
  legend: ReactNode;
  name: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  errors?: string[];
  optional?: boolean;
}) {
  const id = useId();
  const descriptionId = description ? `${id}-beschrijving` : undefined;
  const errorId = errors.length ? `${id}-fout` : undefined;
  return (
    <div className={cx('utrecht-form-fieldset', errors.length > 0 && 'utrecht-form-fieldset--invalid', 'pact-field')}>
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={[errorId, descriptionId].filter(Boolean).join(' ') || undefined} aria-invalid={errors.length > 0 || undefined}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
          {optional && <span className="pact-optional"> (niet verplicht)</span>}
        </legend>
        {description && (
          <div className="utrecht-form-field-description" id={descriptionId}>
            {description}
          </div>
        )}
        {errors.length > 0 && (
          <div className="utrecht-form-field-error-message" id={errorId}>
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        )}
        <div className="pact-radios">
          {options.map((o) => (
            <div className="pact-radio" key={o.value}>
              <input
                type="radio"
                id={`${id}-${o.value}`}
                className={cx('utrecht-radio-button', 'utrecht-radio-button--html-input', errors.length > 0 && 'utrecht-radio-button--invalid')}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Select({ id, value, onChange, options, describedBy, invalid, placeholder }: { id: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; describedBy?: string; invalid?: boolean; placeholder?: string }) {
  return (
    <select id={id} className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid')} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function Textbox({
  id,
  value,
  onChange,
  type = 'text',
  describedBy,
  invalid,
  ...rest
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  describedBy?: string;
  invalid?: boolean;
  autoComplete?: string;
  min?: number | string;
  max?: number | string;
  step?: number;
  pattern?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  spellCheck?: boolean;
  size?: number;
}) {
  return (
    <input
      id={id}
      type={type}
      className={cx('utrecht-textbox', 'utrecht-textbox--html-input', invalid && 'utrecht-textbox--invalid', type === 'number' && 'utrecht-textbox--numeric')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      {...rest}
    />
  );
}

/** Shown while a query loads: announced politely, without moving focus. */
export const Loading = ({ what }: { what: string }) => (
  <p className="utrecht-paragraph pact-loading" role="status">
    {what} wordt geladen…
  </p>
);

/** An error in words; with `details`, also the API's reasons per event and field. */
export function ErrorAlert({ error, details }: { error: unknown; details?: boolean }) {
  const message = error instanceof Error ? error.message : 'Er ging iets mis.';
  const reasons = details && error instanceof ApiRequestError ? error.fieldErrors : [];
  return (
    <Alert type="error" live>
      <p className="utrecht-paragraph">{message}</p>
      {reasons.length > 0 && (
        <ul className="utrecht-unordered-list">
          {reasons.map((r) => (
            <li className="utrecht-unordered-list__item" key={`${r.line}-${r.field}-${r.code}`}>
              {r.line ? `Regel ${r.line}: ` : ''}
              {r.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
