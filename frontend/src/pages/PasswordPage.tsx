import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { changePassword } from '../api/queries.ts';
import { Alert, Button, FormField, P, PageHeading, Textbox } from '../components/ui.tsx';
import { navigate } from '../router.tsx';

export default function PasswordPage({ first = false }: { first?: boolean }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ form?: string; next?: string[]; repeat?: string[] }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) return setErrors({ repeat: ['De twee nieuwe wachtwoorden zijn niet gelijk.'] });
    setBusy(true);
    setErrors({});
    try {
      await changePassword(current, next);
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      if (first) navigate('/');
    } catch (e) {
      if (e instanceof ApiRequestError && e.fieldErrors.some((f) => f.field === 'newPassword')) setErrors({ next: e.fieldErrors.map((f) => f.message) });
      else setErrors({ form: e instanceof Error ? e.message : 'Wijzigen is niet gelukt.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pact-narrow">
      <PageHeading title="Nieuw wachtwoord">Kies een nieuw wachtwoord</PageHeading>
      {first && <P lead>U bent aangemeld met een eenmalig wachtwoord. Kies nu een eigen wachtwoord van minstens 12 tekens.</P>}
      {done && !first && (
        <Alert type="ok" live>
          <p className="utrecht-paragraph">Uw wachtwoord is gewijzigd.</p>
        </Alert>
      )}
      {errors.form && (
        <Alert type="error" live>
          <p className="utrecht-paragraph">{errors.form}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="pact-form">
        <FormField label="Huidig wachtwoord">{({ id }) => <Textbox id={id} type="password" value={current} onChange={setCurrent} autoComplete="current-password" />}</FormField>
        <FormField label="Nieuw wachtwoord" description="Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden." errors={errors.next}>
          {({ id, describedBy, invalid }) => <Textbox id={id} type="password" value={next} onChange={setNext} autoComplete="new-password" describedBy={describedBy} invalid={invalid} />}
        </FormField>
        <FormField label="Nieuw wachtwoord nog een keer" errors={errors.repeat}>
          {({ id, describedBy, invalid }) => <Textbox id={id} type="password" value={repeat} onChange={setRepeat} autoComplete="new-password" describedBy={describedBy} invalid={invalid} />}
        </FormField>
        <Button type="submit" busy={busy} disabled={busy}>
          Wachtwoord opslaan
        </Button>
      </form>
    </div>
  );
}
