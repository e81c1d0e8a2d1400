// The shell: who is logged in, the navigation for that role, and the page for the URL. Pages are loaded on
// demand (one chunk each), so the first page a user sees does not carry the others.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { ApiRequestError, type Me } from './api/client.ts';
import { configQuery, logout, meQuery, yearPageQueries } from './api/queries.ts';
import { PrintContext } from './components/figures.tsx';
import { AppLink, Button, ErrorAlert, Loading, P, PageHeading } from './components/ui.tsx';
import { HOME, mayOpen, navFor } from './data/nav.ts';
import { yearParamsFrom } from './data/params.ts';
import { todayIso } from './format.ts';
import { ROLE_LABELS } from './labels.ts';
import { Link, navigate, useLocation } from './router.tsx';

const load = {
  login: () => import('./pages/LoginPage.tsx'),
  year: () => import('./pages/YearReportPage.tsx'),
  promises: () => import('./pages/PromisesPage.tsx'),
  monthly: () => import('./pages/MonthlyPage.tsx'),
  signals: () => import('./pages/SignalsPage.tsx'),
  case: () => import('./pages/CasePage.tsx'),
  definitions: () => import('./pages/DefinitionsPage.tsx'),
};
const LoginPage = lazy(load.login);
const PasswordPage = lazy(() => import('./pages/PasswordPage.tsx'));
const YearReportPage = lazy(load.year);
const PromisesPage = lazy(load.promises);
const MonthlyPage = lazy(load.monthly);
const SignalsPage = lazy(load.signals);
const CasePage = lazy(load.case);
const DefinitionsPage = lazy(load.definitions);

const FIRST_PAGE: [RegExp, () => Promise<unknown>][] = [
  [/^\/aanmelden/, load.login],
  [/^(\/print)?\/jaarrapportage/, load.year],
  [/^\/pactbeloften/, load.promises],
  [/^\/maandcijfers/, load.monthly],
  [/^\/signalen/, load.signals],
  [/^\/casus/, load.case],
  [/^\/definities/, load.definitions],
];

/**
 * The page of the address starts loading at once, alongside the question who is logged in (not after it); the
 * year report (also the print page the PDF export loads) asks for its five answers at once too.
 */
export function startLoading(queryClient: QueryClient) {
  const { pathname, search } = window.location;
  FIRST_PAGE.find(([path]) => path.test(pathname))?.[1]().catch(() => undefined); // lazy() tries again and shows the error
  void queryClient.prefetchQuery(configQuery());
  // (only when the address names the year and the profile: otherwise the defaults wait for /api/reports/range and
  // the region's configuration; the print page the PDF export loads names both)
  const query = new URLSearchParams(search);
  if (/^(\/print)?\/jaarrapportage$/.test(pathname) && query.has('year') && query.has('profile')) {
    const queries = yearPageQueries(yearParamsFrom(query, todayIso(), { last: null, defaultProfile: 'officieel' }));
    void queryClient.prefetchQuery(queries.report);
    for (const other of queries.others) void queryClient.prefetchQuery(other);
    void queryClient.prefetchQuery(queries.monthly);
    void queryClient.prefetchQuery(queries.catalogue);
  }
}

export function App() {
  const { path } = useLocation();
  const me = useQuery(meQuery());
  const unauthenticated = me.error instanceof ApiRequestError && me.error.status === 401;

  useEffect(() => {
    if (unauthenticated && path !== '/aanmelden') navigate(`/aanmelden?terug=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
  }, [unauthenticated, path]);

  if (me.isPending || (unauthenticated && path !== '/aanmelden')) return <Frame><Loading what="Pactmonitor" /></Frame>;
  if (unauthenticated || path === '/aanmelden') return <Frame><Page><LoginPage /></Page></Frame>;
  if (me.error) return <Frame><ErrorAlert error={me.error} /></Frame>;
  const user = me.data!;
  if (user.mustChangePassword) return <Frame user={user}><Page><PasswordPage first /></Page></Frame>;
  if (path.startsWith('/print/')) {
    return (
      <PrintContext.Provider value>
        <main id="inhoud" className="pact-print">
          <Page>{mayOpen(user.role, path) ? <YearReportPage me={user} print /> : <NoAccess me={user} />}</Page>
        </main>
      </PrintContext.Provider>
    );
  }
  return (
    <Frame user={user}>
      <Page>{route(path, user)}</Page>
    </Frame>
  );
}

function route(path: string, me: Me): ReactNode {
  if (path === '/' || path === '') {
    return <Redirect to={HOME[me.role]} />;
  }
  if (!mayOpen(me.role, path)) return <NoAccess me={me} />;
  if (path === '/jaarrapportage') return <YearReportPage me={me} />;
  if (path === '/pactbeloften') return <PromisesPage me={me} />;
  if (path === '/maandcijfers') return <MonthlyPage me={me} />;
  if (path === '/signalen') return <SignalsPage me={me} />;
  if (path === '/casus' || path.startsWith('/casus/')) return <CasePage me={me} caseId={path.split('/')[2]} />;
  if (path === '/definities') return <DefinitionsPage />;
  if (path === '/wachtwoord') return <PasswordPage />;
  return <NotFound me={me} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="De pagina" />}>{children}</Suspense>;
}

function Frame({ user, children }: { user?: Me; children: ReactNode }) {
  const { path } = useLocation();
  const queryClient = useQueryClient();
  const items = user && !user.mustChangePassword ? navFor(user.role) : [];
  const norm = useQuery({ ...configQuery(), enabled: !!user }).data?.normMonths;
  return (
    <div className="pact-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header pact-header">
        <div className="pact-header__content">
          <Link to="/" className="pact-brand">
            Pactmonitor
            <span className="pact-brand__sub">Thuiszitterspact: geen kind {norm ? `langer dan ${norm} maanden ` : ''}thuis zonder passend aanbod</span>
          </Link>
          {user && (
            <div className="pact-user">
              <span>
                {user.subject} · {ROLE_LABELS[user.role]}
              </span>
              <Button
                appearance="secondary"
                onClick={async () => {
                  await logout().catch(() => undefined);
                  queryClient.clear();
                  navigate('/aanmelden');
                }}
              >
                Afmelden
              </Button>
            </div>
          )}
        </div>
        {items.length > 0 && (
          <nav className="utrecht-nav-bar pact-nav" aria-label="Hoofdmenu">
            <ul className="utrecht-nav-list pact-nav__list">
              {items.map((item) => {
                const current = path === item.path || path.startsWith(`${item.path}/`);
                return (
                  <li className="utrecht-nav-list__item" key={item.path}>
                    <Link to={item.path} className={`utrecht-nav-list__link pact-nav__link${current ? ' pact-nav__link--current' : ''}`} aria-current={current ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </header>
      <main id="inhoud" className="pact-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="utrecht-page-footer pact-footer">
        <div className="pact-footer__content">
          <p>
            Pactmonitor rekent met geanonimiseerde gegevens: geen namen, BSN, adressen of geboortedata.
            {user && (
              <>
                {' '}
                Alle cijfers zijn gedefinieerd onder{' '}
                <Link to="/definities" className="utrecht-link utrecht-link--html-a pact-footer__link">
                  Definities
                </Link>
                .
              </>
            )}
          </p>
        </div>
      </footer>
    </div>
  );
}

function NoAccess({ me }: { me: Me }) {
  return (
    <>
      <PageHeading title="Geen toegang">Geen toegang</PageHeading>
      <P>Deze pagina is niet beschikbaar voor de rol {ROLE_LABELS[me.role].toLowerCase()}.</P>
      <P>
        <AppLink to={HOME[me.role]}>Naar uw startpagina</AppLink>
      </P>
    </>
  );
}

function NotFound({ me }: { me: Me }) {
  return (
    <>
      <PageHeading title="Pagina niet gevonden">Pagina niet gevonden</PageHeading>
      <P>Deze pagina bestaat niet (meer).</P>
      <P>
        <AppLink to={HOME[me.role]}>Naar uw startpagina</AppLink>
      </P>
    </>
  );
}
