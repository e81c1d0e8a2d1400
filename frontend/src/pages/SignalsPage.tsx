// Signaleringslijst, for the monthly overleg (beleid, registrator): the open cases 4 weeks or longer at home, up to
// and over the norm, sortable, each linked to its case, and apart from them the children at home geoorloofd; as
// registered now or as known at an earlier moment (the list an overleg saw then). Registrators record the overleg
// itself (MeetingHeld) and tick the cases discussed in it (CaseDiscussed), in one all-or-nothing request, and can
// retract a meeting recorded by mistake.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError, downloadUrl, type Me, type RegionConfig, type Signal } from '../api/client.ts';
import { appendEvents, configQuery, meetingsQuery, signalsQuery } from '../api/queries.ts';
import { Table, type Column } from '../components/table.tsx';
import { AsOfPicker, ProfilePicker, ScopePicker } from '../components/pickers.tsx';
import { Alert, AppLink, Button, ButtonLink, ErrorAlert, FormField, H2, Loading, P, PageHeading, RadioGroup, StatusBadge, Textbox } from '../components/ui.tsx';
import { shortCaseId } from '../data/case-data.ts';
import { scopeText } from '../data/figures.ts';
import { signalParamsFrom } from '../data/params.ts';
import { isDay } from '../data/school-year.ts';
import { isSortKey, listSummary, MEETING_FORUMS, meetingEvents, retractionEvent, signalRow, SORT_KEYS, sortSignals, type Direction, type MeetingForum, type SignalRow, type SortKey } from '../data/signals-data.ts';
import { formatDate, formatMoment, todayIso } from '../format.ts';
import { labelOf, MEETING_FORUM_LABELS } from '../labels.ts';
import { useQueryState } from '../router.tsx';

const LEVEL_BADGE = { overschreden: 'danger', dreigend: 'warning', in_beeld: 'neutral', aanbod: 'safe' } as const;

export default function SignalsPage({ me }: { me: Me }) {
  const config = useQuery(configQuery());
  if (!config.data) return config.error ? <ErrorAlert error={config.error} /> : <Loading what="De signaleringslijst" />;
  return <Signals me={me} config={config.data} />;
}

function Signals({ me, config }: { me: Me; config: RegionConfig }) {
  const [query, setQuery] = useQueryState();
  const today = todayIso();
  const { on = today, profile, asOf, ...scope } = signalParamsFrom(query, today, config);
  const sort: SortKey = isSortKey(query.get('sort')) ? (query.get('sort') as SortKey) : 'urgentie';
  const direction: Direction = query.get('dir') === 'aflopend' ? 'aflopend' : 'oplopend';
  const list = useQuery(signalsQuery({ on, profile, asOf, ...scope }));
  const mayRecord = (me.role === 'registrator' || me.role === 'admin') && !asOf;

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
        <AsOfPicker value={isDay(asOf) ? asOf : ''} onChange={(v) => setQuery({ asOf: isDay(v) ? v : undefined })} />
      </div>
      {asOf && <P>De lijst zoals die op {isDay(asOf) ? formatDate(asOf) : formatMoment(asOf)} gemaakt kon worden: wat later is geregistreerd of ingetrokken telt niet mee.</P>}
      <div className="pact-actions">
        <ButtonLink href={downloadUrl('signals', { on, profile, asOf, ...scope, format: 'csv' })} download>
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
          config={config}
        />
      )}
      {mayRecord && (scope.gemeente || scope.swv) && <RecordedMeetings scope={scope} on={on} />}
    </>
  );
}

/** The meetings recorded for the scope in the month of `on`, each retractable when it was recorded by mistake. */
function RecordedMeetings({ scope, on }: { scope: { gemeente?: string; swv?: string }; on: string }) {
  const queryClient = useQueryClient();
  const month = { from: `${on.slice(0, 7)}-01`, to: on };
  const meetings = useQuery(meetingsQuery({ ...scope, ...month }));
  const [result, setResult] = useState<{ ok: string } | { error: Error } | null>(null);
  async function retract(meeting: { eventId: string; meetingId: string; forum: string; on: string }) {
    setResult(null);
    try {
      await appendEvents([retractionEvent(meeting, todayIso(), crypto.randomUUID())]);
      setResult({ ok: `${labelOf(MEETING_FORUM_LABELS, meeting.forum)} van ${formatDate(meeting.on)} ingetrokken: het telt niet meer mee.` });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
    } catch (error) {
      setResult({ error: error as Error });
    }
  }
  return (
    <section aria-labelledby="vastgelegde-overleggen" className="pact-section">
      <H2 id="vastgelegde-overleggen">Vastgelegde overleggen deze maand</H2>
      <P>Een overleg dat per vergissing (dubbel, op de verkeerde datum of als verkeerd soort) is vastgelegd, trekt u hier in; het telt dan nergens meer mee.</P>
      {meetings.isPending && <Loading what="De overleggen" />}
      {meetings.error && <ErrorAlert error={meetings.error} />}
      {meetings.data && meetings.data.meetings.length === 0 && <P>Nog geen overleg vastgelegd in deze maand.</P>}
      {meetings.data && meetings.data.meetings.length > 0 && (
        <Table
          caption={`Overleggen van ${formatDate(month.from)} tot en met ${formatDate(month.to)}`}
          columns={[
            { header: 'Datum', cell: (m) => formatDate(m.on) },
            { header: 'Overleg', cell: (m) => labelOf(MEETING_FORUM_LABELS, m.forum) },
            { header: 'Bereik', cell: (m) => scopeText({ gemeente: m.gemeente ?? undefined, swv: m.swv ?? undefined }) },
            { header: 'Besproken casussen', cell: (m) => String(m.casesDiscussed), numeric: true },
            { header: 'Correctie', cell: (m) => <Button onClick={() => void retract(m)}>Intrekken</Button> },
          ]}
          groups={[{ rows: meetings.data.meetings }]}
          rowKey={(m) => m.meetingId}
        />
      )}
      {result && 'ok' in result && (
        <Alert type="ok" live>
          <p className="utrecht-paragraph">{result.ok}</p>
        </Alert>
      )}
      {result && 'error' in result && <ErrorAlert error={result.error} details />}
    </section>
  );
}

interface TableProps {
  config: RegionConfig;
  signals: Signal[];
  scope: { gemeente?: string; swv?: string };
  on: string;
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
  mayRecord: boolean;
}

function SignalTable({ config, signals, scope, on, sort, direction, onSort, mayRecord }: TableProps) {
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
          <span className="pact-muted pact-block">{r.ageText}</span>
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
    { header: 'Escalatie', cell: (r) => r.escalationText },
    sortable('besproken', (r) => (
      <>
        {r.discussedText}
        {r.discussedThisMonth && <span className="pact-muted pact-block">deze maand</span>}
      </>
    )),
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
          groups={(['profiel', 'geoorloofd_thuis'] as const).flatMap((group) => {
            const rows = signals.filter((s) => s.group === group).map((s) => signalRow(s, config));
            return rows.length ? [{ heading: rows[0].groupText, rows }] : [];
          })}
          rowKey={(r) => r.caseId}
        />
      )}
      {mayRecord && scoped && signals.length > 0 && <div className="pact-actions">{save}</div>}
    </form>
  );
}
