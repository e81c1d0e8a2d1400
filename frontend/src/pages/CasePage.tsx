// Casus: open a case, look one up, and record what happens to it. Each form offers only what the write rules
// allow on the case as it stands (data/case-data.ts); the server checks again and its errors appear beside the
// field they are about. Below: the case's state and its timeline. Beleid reads; registrator and admin write.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiRequestError, type CaseState, type CaseView, type Me } from '../api/client.ts';
import { appendEvents, caseQuery } from '../api/queries.ts';
import { Alert, AppLink, Button, DataList, ErrorAlert, FormField, H2, Loading, P, PageHeading, RadioGroup, Select, Textbox } from '../components/ui.tsx';
import { caseForms, errorsByField, formEvent, missingFields, newCaseForm, shortCaseId, stateRows, timelineItems, visibleFields, type FieldSpec, type FormSpec, type Values } from '../data/case-data.ts';
import { formatDate, formatMoment, todayIso } from '../format.ts';
import { navigate } from '../router.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function CasePage({ me, caseId }: { me: Me; caseId?: string }) {
  const mayWrite = me.role === 'registrator' || me.role === 'admin';
  if (caseId) return <CaseDetail caseId={caseId.toLowerCase()} mayWrite={mayWrite} />;
  return (
    <>
      <PageHeading title="Casus">Casus</PageHeading>
      <P lead>Zoek een casus op met zijn nummer (uit de signaleringslijst){mayWrite ? ', of registreer een nieuwe casus' : ''}. Een casus bevat nooit een naam, BSN, adres of geboortedatum.</P>
      <CaseLookup />
      {mayWrite && <NewCase me={me} />}
    </>
  );
}

function CaseLookup() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string[]>([]);
  return (
    <section aria-labelledby="opzoeken" className="pact-section">
      <H2 id="opzoeken">Casus opzoeken</H2>
      <form
        className="pact-form pact-inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const id = value.trim().toLowerCase();
          if (!UUID.test(id)) return setError(['Een casusnummer bestaat uit 32 tekens 0-9 en a-f, met streepjes: 8-4-4-4-12.']);
          navigate(`/casus/${id}`);
        }}
      >
        <FormField label="Casusnummer" description="Bijvoorbeeld 42fd3381-ed82-4450-9858-f2e52bc8f00d." errors={error}>
          {({ id, describedBy, invalid }) => <Textbox id={id} value={value} onChange={setValue} describedBy={describedBy} invalid={invalid} spellCheck={false} size={40} />}
        </FormField>
        <Button type="submit" appearance="secondary">
          Opzoeken
        </Button>
      </form>
    </section>
  );
}

function NewCase({ me }: { me: Me }) {
  const today = todayIso();
  const form = newCaseForm(me.scope, today);
  const [caseId] = useState(() => crypto.randomUUID());
  return (
    <section aria-labelledby="nieuw" className="pact-section">
      <H2 id="nieuw">Nieuwe casus registreren</H2>
      <EventForm form={form} caseId={caseId} initial={{ effectiveOn: today }} submitLabel="Casus registreren" onSaved={() => navigate(`/casus/${caseId}`)} />
    </section>
  );
}

function CaseDetail({ caseId, mayWrite }: { caseId: string; mayWrite: boolean }) {
  const view = useQuery(caseQuery(caseId));
  const title = `Casus ${shortCaseId(caseId)}`;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <P>
        <AppLink to="/casus">Andere casus opzoeken</AppLink> · <AppLink to="/signalen">Naar de signaleringslijst</AppLink>
      </P>
      {view.isPending && <Loading what="De casus" />}
      {view.error && (view.error instanceof ApiRequestError && view.error.status === 404 ? <Alert type="warning">Deze casus bestaat niet of valt buiten uw gemeente of samenwerkingsverband.</Alert> : <ErrorAlert error={view.error} />)}
      {view.data && <CaseBody view={view.data} mayWrite={mayWrite} />}
    </>
  );
}

function CaseBody({ view, mayWrite }: { view: CaseView; mayWrite: boolean }) {
  const state = view.state as CaseState;
  const today = todayIso();
  return (
    <>
      <section aria-labelledby="toestand" className="pact-section">
        <H2 id="toestand">Hoe het er nu voor staat</H2>
        <p className="utrecht-paragraph pact-muted">
          Op {formatDate(view.on)}. Volledig nummer: <span className="pact-mono">{view.caseId}</span>
        </p>
        <DataList rows={stateRows(state)} />
      </section>
      {mayWrite && <Register view={view} state={state} today={today} />}
      <section aria-labelledby="tijdlijn" className="pact-section">
        <H2 id="tijdlijn">Tijdlijn</H2>
        <ol className="pact-timeline">
          {timelineItems(view).map((item) => (
            <li key={item.eventId} className={item.retracted ? 'pact-timeline__item pact-timeline__item--retracted' : 'pact-timeline__item'}>
              <span className="pact-timeline__date">{formatDate(item.on)}</span>
              <span className="pact-timeline__text">
                {item.retracted ? <del>{item.summary}</del> : item.summary}
                {item.retracted && <span className="pact-muted"> (ingetrokken)</span>}
              </span>
              <span className="pact-timeline__recorded pact-muted">geregistreerd {formatMoment(item.recordedAt)}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Register({ view, state, today }: { view: CaseView; state: CaseState; today: string }) {
  const queryClient = useQueryClient();
  const forms = caseForms(state, view.events, today);
  const [type, setType] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = forms.find((f) => f.type === type);
  return (
    <section aria-labelledby="registreren" className="pact-section pact-panel">
      <H2 id="registreren">Registreren wat er gebeurd is</H2>
      {saved && (
        <Alert type="ok" live>
          <p className="utrecht-paragraph">{saved}</p>
        </Alert>
      )}
      <FormField label="Wat is er gebeurd?" description={state.status === 'closed' ? 'De casus is gesloten: alleen een registratiefout intrekken kan nog.' : 'Alleen wat bij deze casus nu kan, staat in de lijst.'}>
        {({ id, describedBy }) => (
          <Select
            id={id}
            value={type}
            describedBy={describedBy}
            placeholder="Kies…"
            onChange={(v) => {
              setType(v);
              setSaved(null);
            }}
            options={forms.map((f) => ({ value: f.type, label: f.title }))}
          />
        )}
      </FormField>
      {form && (
        <EventForm
          key={form.type}
          form={form}
          caseId={view.caseId}
          initial={{ effectiveOn: today }}
          submitLabel={`${form.title} opslaan`}
          onSaved={async () => {
            setSaved(`Opgeslagen: ${form.title.toLowerCase()}.`);
            setType('');
            await queryClient.invalidateQueries({ queryKey: ['case', view.caseId] });
            await queryClient.invalidateQueries({ queryKey: ['signals'] });
          }}
        />
      )}
    </section>
  );
}

/** One event as a form: its fields (some only shown for certain values), sent as one event; errors per field. */
function EventForm({ form, caseId, initial, submitLabel, onSaved }: { form: FormSpec; caseId: string; initial: Values; submitLabel: string; onSaved: () => void | Promise<void> }) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  /** Shows the errors now (not at React's next render) and moves focus to the first field that has one. */
  function showErrors(next: Record<string, string[]>) {
    flushSync(() => setErrors(next));
    document.querySelector<HTMLElement>('.pact-form :is(input, select)[aria-invalid="true"], .pact-form .utrecht-form-fieldset--invalid input')?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const missing = missingFields(form, values);
    showErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await appendEvents([formEvent(form, values, { eventId: crypto.randomUUID(), caseId })]);
      await onSaved();
    } catch (error) {
      if (error instanceof ApiRequestError && error.fieldErrors.length > 0) {
        showErrors(errorsByField(form, error.fieldErrors));
      } else setFailure(error as Error);
    } finally {
      setBusy(false);
    }
  }

  const formErrors = errors[''] ?? [];
  return (
    <form onSubmit={submit} noValidate className="pact-form" aria-label={form.title}>
      {formErrors.length > 0 && (
        <Alert type="error" live>
          {formErrors.map((e) => (
            <p className="utrecht-paragraph" key={e}>
              {e}
            </p>
          ))}
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} />}
      {visibleFields(form, values).map((field) => (
        <Field key={field.name} field={field} value={values[field.name] ?? ''} errors={errors[field.name]} onChange={(v) => setValues({ ...values, [field.name]: v })} />
      ))}
      <Button type="submit" busy={busy} disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

function Field({ field, value, errors, onChange }: { field: FieldSpec; value: string; errors?: string[]; onChange: (v: string) => void }) {
  if (field.kind === 'choice' && field.as === 'radio') {
    return <RadioGroup legend={field.label} name={field.name} options={field.options} value={value} onChange={onChange} description={field.description} errors={errors} optional={field.optional} />;
  }
  return (
    <FormField label={field.label} description={field.description} errors={errors} optional={field.optional}>
      {({ id, describedBy, invalid }) => {
        switch (field.kind) {
          case 'choice':
            return <Select id={id} value={value} onChange={onChange} options={field.options} describedBy={describedBy} invalid={invalid} placeholder={field.optional ? '(geen)' : 'Kies…'} />;
          case 'date':
            return <Textbox id={id} type="date" value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} min={field.min} max={field.max} />;
          case 'number':
            return <Textbox id={id} type="number" value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} min={field.min} max={field.max} step={field.step} inputMode="decimal" />;
          case 'text':
            return <Textbox id={id} value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} pattern={field.pattern} spellCheck={false} autoComplete="off" />;
        }
      }}
    </FormField>
  );
}
