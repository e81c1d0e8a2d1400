import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { login } from '../api/queries.ts';
import { Alert, Button, FormField, P, PageHeading, Textbox } from '../components/ui.tsx';
import { navigate, useLocation } from '../router.tsx';

export default function LoginPage() {
  const { query } = useLocation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await login(username, password);
      queryClient.setQueryData(['me'], me);
      const back = query.get('terug');
      navigate(back && back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/aanmelden') ? back : '/');
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : 'Aanmelden is niet gelukt.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pact-narrow">
      <PageHeading title="Aanmelden">Aanmelden</PageHeading>
      <P lead>Meld u aan met de gebruikersnaam en het wachtwoord die u van de beheerder kreeg.</P>
      {error && (
        <Alert type="error" live>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="pact-form">
        <FormField label="Gebruikersnaam">{({ id }) => <Textbox id={id} value={username} onChange={setUsername} autoComplete="username" spellCheck={false} />}</FormField>
        <FormField label="Wachtwoord">{({ id }) => <Textbox id={id} type="password" value={password} onChange={setPassword} autoComplete="current-password" />}</FormField>
        <Button type="submit" busy={busy} disabled={busy}>
          Aanmelden
        </Button>
      </form>
    </div>
  );
}
