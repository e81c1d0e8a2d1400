// The choices above a report: school year or months, scope (the user's own gemeenten and samenwerkingsverbanden),
// profile, and optionally the registration state (asOf). They live in the URL, so a view can be shared and printed.
import { useState } from 'react';
import type { Me, Profile } from '../api/client.ts';
import { schoolYearLabel } from '../data/school-year.ts';
import { formatMonth } from '../format.ts';
import { PROFILE_LABELS } from '../labels.ts';
import { Button, FormField, Select, Textbox } from './ui.tsx';

export function ProfilePicker({ value, onChange }: { value: Profile; onChange: (p: Profile) => void }) {
  return (
    <FormField label="Profiel (wie telt als thuiszitter)">
      {({ id }) => <Select id={id} value={value} onChange={(v) => onChange(v as Profile)} options={Object.entries(PROFILE_LABELS).map(([value, label]) => ({ value, label }))} />}
    </FormField>
  );
}

export function YearPicker({ value, years, onChange, label = 'Schooljaar' }: { value: string; years: string[]; onChange: (y: string) => void; label?: string }) {
  const options = (years.includes(value) ? years : [value, ...years]).map((y) => ({ value: y, label: schoolYearLabel(y) }));
  return <FormField label={label}>{({ id }) => <Select id={id} value={value} onChange={onChange} options={options} />}</FormField>;
}

export function MonthPicker({ label, value, months, onChange }: { label: string; value: string; months: string[]; onChange: (m: string) => void }) {
  const options = (months.includes(value) ? months : [value, ...months]).map((m) => ({ value: m, label: formatMonth(m) }));
  return <FormField label={label}>{({ id }) => <Select id={id} value={value} onChange={onChange} options={options} />}</FormField>;
}

export interface ScopeValue {
  gemeente?: string;
  swv?: string;
}

/** The scope: one of the user's own codes; an admin (no codes of its own) types codes or takes the whole region. */
export function ScopePicker({ me, value, onChange }: { me: Me; value: ScopeValue; onChange: (s: ScopeValue) => void }) {
  const codes = [...me.scope.gemeenten.map((c) => ({ value: `gemeente:${c}`, label: `Gemeente ${c}` })), ...me.scope.swvs.map((c) => ({ value: `swv:${c}`, label: `Samenwerkingsverband ${c}` }))];
  if (codes.length > 0) {
    const current = value.gemeente ? `gemeente:${value.gemeente}` : value.swv ? `swv:${value.swv}` : codes[0].value;
    return (
      <FormField label="Bereik">
        {({ id }) => (
          <Select
            id={id}
            value={current}
            onChange={(v) => {
              const [kind, code] = v.split(':');
              onChange(kind === 'gemeente' ? { gemeente: code } : { swv: code });
            }}
            options={codes}
          />
        )}
      </FormField>
    );
  }
  return <AdminScope value={value} onChange={onChange} />;
}

function AdminScope({ value, onChange }: { value: ScopeValue; onChange: (s: ScopeValue) => void }) {
  const [gemeente, setGemeente] = useState(value.gemeente ?? '');
  const [swv, setSwv] = useState(value.swv ?? '');
  return (
    <form
      className="pact-admin-scope"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ gemeente: gemeente.trim().toUpperCase() || undefined, swv: swv.trim().toUpperCase() || undefined });
      }}
    >
      <FormField label="Gemeente" optional description="Code, bijv. GM0344; leeg: alle">
        {({ id, describedBy }) => <Textbox id={id} value={gemeente} onChange={setGemeente} describedBy={describedBy} size={8} spellCheck={false} />}
      </FormField>
      <FormField label="Samenwerkingsverband" optional description="Code, bijv. PO2601; leeg: alle">
        {({ id, describedBy }) => <Textbox id={id} value={swv} onChange={setSwv} describedBy={describedBy} size={8} spellCheck={false} />}
      </FormField>
      <Button type="submit" appearance="secondary">
        Bereik toepassen
      </Button>
    </form>
  );
}

export function AsOfPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <FormField label="Stand van registratie op" optional description="Leeg: zoals nu geregistreerd. Een datum: zoals het toen bekend was.">
      {({ id, describedBy }) => <Textbox id={id} type="date" value={value} onChange={onChange} describedBy={describedBy} />}
    </FormField>
  );
}
