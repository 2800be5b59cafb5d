/** The tab's shell: the navigation, the development sign-in banner, and the page the URL names. */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useSyncExternalStore } from 'react';
import type { MeResponse } from '../../common/api-types';
import { useAppStyles } from './App.styles';
import { useT } from './i18n';
import type { Api } from './services/api';
import { createLiveFeed } from './services/live';
import { LiveContext } from './services/useLiveRefresh';
import { useUrlParams } from './services/url-state';
import { CasesView } from './views/CasesView';
import { startsOnList, type FirstPage } from './views/cases/first-page';

// Only the case list is in the first bundle: every other page is a chunk of its own, loaded when first
// opened, so that the list's first row waits for less script to arrive, parse and start.
const CaseView = lazy(() => import('./views/CaseView').then((m) => ({ default: m.CaseView })));
const OrderForm = lazy(() => import('./views/order/OrderForm').then((m) => ({ default: m.OrderForm })));
const NoticesView = lazy(() => import('./views/NoticesView').then((m) => ({ default: m.NoticesView })));
/** The dashboard (and its chart library) is a chunk of its own, loaded when first opened. */
const ReportView = lazy(() => import('./views/ReportView'));
/** "Innstillinger" (administrators and desk leads), a chunk of its own too. */
const SettingsView = lazy(() => import('./views/admin/SettingsView'));

export interface Session {
  api: Api;
  me: MeResponse;
  /** The case list's first page, asked for with `/api/me` at sign-in (absent when another page opens). */
  firstPage?: FirstPage;
}

type Page = 'cases' | 'case' | 'order' | 'report' | 'notices' | 'settings';

const SMALL = '(max-width: 479px)';
const subscribeSmall = (cb: () => void) => {
  const mq = window.matchMedia(SMALL);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
/** A phone-sized viewport: the tabs get the small size so all three fit at 320 px. */
const useSmallViewport = (): boolean =>
  useSyncExternalStore(subscribeSmall, () => window.matchMedia(SMALL).matches);

export function App({ session }: { session: Session }) {
  const styles = useAppStyles();
  const { t } = useT();
  const [params, navigate] = useUrlParams();
  const small = useSmallViewport();
  // One live stream of case changes for the page; it connects while a view listens.
  const live = useMemo(() => createLiveFeed(session.api), [session.api]);
  const { access } = session.me;
  const canReport = access.reportReader || access.deskIds.length > 0;
  const home: Page = startsOnList(session.me) ? 'cases' : 'report';
  const page: Page = params.get('case') ? 'case' : ((params.get('page') as Page | null) ?? home);
  const go = (p: string) => {
    const next = new URLSearchParams();
    if (p !== home) next.set('page', p);
    navigate(next);
  };
  // The list's filters write the URL without a page: keep it on Saker when Saker is not the start page.
  const navigateCases = (next: URLSearchParams, replace?: boolean) => {
    if (home !== 'cases' && !next.has('case') && !next.has('page')) next.set('page', 'cases');
    navigate(next, replace);
  };
  return (
    <LiveContext.Provider value={live}>
      <div className={styles.root} data-testid="app-root">
        {session.me.devSignIn && (
          <MessageBar intent="warning" className={styles.devBanner} data-testid="dev-banner">
            <MessageBarBody>
              <MessageBarTitle>Utviklingsinnlogging</MessageBarTitle>
              {t('devBanner')} {session.me.user.name}.
            </MessageBarBody>
          </MessageBar>
        )}
        <nav className={styles.nav}>
          <Text className={styles.brand}>{t('appName')}</Text>
          <TabList
            className={styles.tabs}
            size={small ? 'small' : 'medium'}
            selectedValue={page === 'case' ? 'cases' : page}
            onTabSelect={(_e, d) => go(String(d.value))}
          >
            <Tab value="cases">{t('tabCases')}</Tab>
            <Tab value="order">{t('orderButton')}</Tab>
            {canReport && <Tab value="report">{t('tabReport')}</Tab>}
            <Tab value="notices">{t('tabNotices')}</Tab>
            {session.me.settings && <Tab value="settings">{t('tabSettings')}</Tab>}
          </TabList>
          <Text className={styles.user}>{session.me.user.name}</Text>
        </nav>
        <main className={styles.main}>
          {page === 'cases' && <CasesView session={session} params={params} navigate={navigateCases} />}
          {page === 'case' && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <CaseView session={session} refParam={params.get('case') ?? ''} navigate={navigate} />
            </Suspense>
          )}
          {page === 'order' && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <OrderForm session={session} navigate={navigate} />
            </Suspense>
          )}
          {page === 'report' && canReport && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <ReportView session={session} params={params} navigate={navigate} />
            </Suspense>
          )}
          {page === 'notices' && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <NoticesView session={session} />
            </Suspense>
          )}
          {page === 'settings' && session.me.settings && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <SettingsView session={session} />
            </Suspense>
          )}
        </main>
      </div>
    </LiveContext.Provider>
  );
}
