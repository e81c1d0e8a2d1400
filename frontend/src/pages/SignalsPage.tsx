// Signaleringslijst, for the monthly overleg (beleid, registrator): the open cases at or near the three-month
// norm, sortable, each linked to its case. Registrators record the overleg itself (MeetingHeld) and tick the
// cases discussed in it (CaseDiscussed), in one all-or-nothing request.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError, downloadUrl, type Me, type Signal } from '../api/client.ts';
import { appendEvents, signalsQuery } from '../api/queries.ts';
import { Table, type Column } from '../components/table.tsx';
import { ProfilePicker, ScopePicker } from '../components/pickers.tsx';
import { Alert, AppLink, Button, ButtonLink, ErrorAlert, FormField, H2, Loading, P, PageHeading, RadioGroup, StatusBadge, Textbox } from '../components/ui.tsx';
import { shortCaseId } from '../data/case-data.ts';
import { scopeText } from '../data/figures.ts';
import { signalParamsFrom } from '../data/params.ts';
import { isDay } from '../data/school-year.ts';
import { isSortKey, listSummary, MEETING_FORUMS, meetingEvents, signalRow, SORT_KEYS, sortSignals, type Direction, type MeetingForum, type SignalRow, type SortKey } from '../data/signals-data.ts';
import { formatDate, todayIso } from '../format.ts';
import { useQueryState } from '../router.tsx';

const LEVEL_BADGE = { overschreden: 'danger', dreigend: 'warning', aandacht: 'neutral', gedekt: 'safe' } as const;

export default function SignalsPage({ me }: { me: Me }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const { on, profile, ...scope } = signalParamsFrom(query, today);
  const sort: SortKey = isSortKey(query.get('sort')) ? (query.get('sort') as SortKey) : 'urgentie';
  const direction: Direction = query.get('dir') === 'aflopend' ? 'aflopend' : 'oplopend';
  const list = useQuery(signalsQuery({ on, profile, ...scope }));
  const mayRecord = me.role === 'registrator' || me.role === 'admin';

  return (
    <>
      <PageHeading title="Signaleringslijst">Signaleringslijst</PageHeading>
      <P lead>De casussen die op de peildatum 4 weken of langer thuis zijn, de meest dringende eerst: voor het maandelijkse Leerplicht/SWV-overleg.</P>
      <div className="pact-pickers" role="group" aria-label="Keuzes voor de lijst">
        <FormField label="Peildatum" description="Meestal de dag van het overleg.">
          {({ id, describedBy }) => <Textbox id={id} type="date" value={on} max={today} describedBy={describedBy} onChange={(v) => setQuery({ on: isDay(v) && v !== today ? v : undefined })} />}
        </FormField>
        <ScopePicker me={me} value={scope} onChange={(s) => setQuery({ gemeente: s.gemeente, swv: s.swv })} />
        <ProfilePicker value={profile} onChange={(p) => setQuery({ profile: p })} />
      </div>
      <div className="pact-actions">
        <ButtonLink href={downloadUrl('signals', { on, profile, ...scope, format: 'csv' })} download>
          Download lijst (CSV)
        </ButtonLink>
      </div>
      {list.isPending && <Loading what="De signaleringslijst" />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <SignalTable
          signals={sortSignals(list.data.signals, sort, direction)}
          scope={list.data.scope}
          on={list.data.on}
          sort={sort}
          direction={direction}
          onSort={(key) => setQuery({ sort: key, dir: key === sort && direction === 'oplopend' ? 'aflopend' : undefined })}
          mayRecord={mayRecord}
        />
      )}
    </>
  );
}

interface TableProps {
  signals: Signal[];
  scope: { gemeente?: string; swv?: string };
  on: string;
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
  mayRecord: boolean;
}

function SignalTable({ signals, scope, on, sort, direction, onSort, mayRecord }: TableProps) {
  const queryClient = useQueryClient();
  const [discussed, setDiscussed] = useState<Set<string>>(new Set());
  const [forum, setForum] = useState<MeetingForum>('leerplicht_swv');
  const [result, setResult] = useState<{ ok: string } | { error: ApiRequestError | Error } | null>(null);
  const [busy, setBusy] = useState(false);
  const scoped = !!(scope.gemeente || scope.swv);
  const saved = useRef<HTMLParagraphElement>(null);
  // after saving at the foot of a long list, the confirmation above it takes the focus (and the view)
  useEffect(() => {
    if (result && 'ok' in result) saved.current?.focus();
  }, [result]);

  async function record(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      await appendEvents(meetingEvents({ forum, on, scope, caseIds: [...discussed] }, () => crypto.randomUUID()));
      setResult({ ok: `${MEETING_FORUMS[forum]} van ${formatDate(on)} opgeslagen, met ${discussed.size} ${discussed.size === 1 ? 'casus' : 'casussen'} als besproken.` });
      setDiscussed(new Set());
      await queryClient.invalidateQueries({ queryKey: ['signals'] });
    } catch (error) {
      setResult({ error: error as Error });
    } finally {
      setBusy(false);
    }
  }

  const sortable = (key: SortKey, cell: Column<SignalRow>['cell'], numeric = false): Column<SignalRow> => ({
    header: (
      <button type="button" className="pact-sort" onClick={() => onSort(key)}>
        {SORT_KEYS[key]}
        <span aria-hidden="true">{sort === key ? (direction === 'oplopend' ? ' ▲' : ' ▼') : ' ⇅'}</span>
      </button>
    ),
    sort: sort === key ? (direction === 'oplopend' ? 'ascending' : 'descending') : undefined,
    cell,
    numeric,
  });
  const toggle = (caseId: string, on: boolean) => {
    const next = new Set(discussed);
    if (on) next.add(caseId);
    else next.delete(caseId);
    setDiscussed(next);
  };
  const columns: Column<SignalRow>[] = [
    {
      header: 'Casus',
      cell: (r) => (
        <>
          <AppLink to={`/casus/${r.caseId}`}>
            <span className="pact-mono">{shortCaseId(r.caseId)}</span>
          </AppLink>{' '}
          <span className="pact-muted">{r.sector}</span>
        </>
      ),
    },
    sortable('urgentie', (r) => <StatusBadge status={LEVEL_BADGE[r.level]}>{r.levelText}</StatusBadge>),
    sortable(
      'dagen',
      (r) => (
        <>
          {r.daysText}
          <span className="pact-muted pact-block">sinds {r.sinceText}</span>
        </>
      ),
      true,
    ),
    sortable('norm', (r) => r.normText),
    sortable('evaluatie', (r) => (
      <>
        {r.planText}
        {r.reviewText && <span className={`pact-block${r.reviewOverdue ? ' pact-overdue' : ' pact-muted'}`}>{r.reviewText}</span>}
        {r.offerText && <span className="pact-block">{r.offerText}</span>}
      </>
    )),
    { header: 'Wachtlijsten', cell: (r) => r.waitlistText },
    sortable('besproken', (r) => r.discussedText),
    ...(mayRecord && scoped
      ? [
          {
            header: 'Besproken',
            className: 'pact-center',
            cell: (r: SignalRow) => (
              <input
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input pact-checkbox"
                aria-label={`Casus ${shortCaseId(r.caseId)} besproken`}
                checked={discussed.has(r.caseId)}
                onChange={(e) => toggle(r.caseId, e.target.checked)}
              />
            ),
          },
        ]
      : []),
  ];

  const save = (
    <Button type="submit" busy={busy} disabled={busy}>
      Overleg opslaan ({discussed.size} {discussed.size === 1 ? 'casus' : 'casussen'} besproken)
    </Button>
  );

  return (
    <form onSubmit={record} className="pact-signals">
      <p className="utrecht-paragraph" role="status">
        {scopeText(scope)}, peildatum {formatDate(on)}. {listSummary(signals)}
      </p>
      {mayRecord && (
        <section aria-labelledby="overleg-vastleggen" className="pact-section pact-panel">
          <H2 id="overleg-vastleggen">Overleg vastleggen</H2>
          {scoped ? (
            <>
              <P>
                Legt vast dat het overleg op {formatDate(on)} is gehouden ({scopeText(scope)}), en welke casussen erin zijn besproken: vink ze aan in de lijst hieronder en sla op.
              </P>
              <RadioGroup legend="Welk overleg?" name="forum" value={forum} onChange={(v) => setForum(v as MeetingForum)} options={Object.entries(MEETING_FORUMS).map(([value, label]) => ({ value, label }))} />
              {save}
            </>
          ) : (
            <P>Kies eerst een gemeente of samenwerkingsverband: een overleg hoort bij één van beide.</P>
          )}
          {result && 'ok' in result && (
            <Alert type="ok" live>
              <p className="utrecht-paragraph" tabIndex={-1} ref={saved}>
                {result.ok}
              </p>
            </Alert>
          )}
          {result && 'error' in result && <ErrorAlert error={result.error} details />}
        </section>
      )}
      {signals.length > 0 && (
        <Table
          label="Signaleringslijst (horizontaal scrollen)"
          className="pact-table--signals"
          caption="Casussen op de signaleringslijst; klik op een kolomkop om te sorteren"
          columns={columns}
          groups={[{ rows: signals.map(signalRow) }]}
          rowKey={(r) => r.caseId}
        />
      )}
      {mayRecord && scoped && signals.length > 0 && <div className="pact-actions">{save}</div>}
    </form>
  );
}
