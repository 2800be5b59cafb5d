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
import { lazy, Suspense } from 'react';
import type { MeResponse } from '../../common/api-types';
import { useAppStyles } from './App.styles';
import { useT } from './i18n';
import type { Api } from './services/api';
import { useUrlParams } from './services/url-state';
import { CasesView } from './views/CasesView';
import { CaseView } from './views/CaseView';
import { NoticesView } from './views/NoticesView';

/** The dashboard (and its chart library) is a chunk of its own, loaded when first opened. */
const ReportView = lazy(() => import('./views/ReportView'));

export interface Session {
  api: Api;
  me: MeResponse;
}

type Page = 'cases' | 'case' | 'report' | 'notices';

export function App({ session }: { session: Session }) {
  const styles = useAppStyles();
  const { t } = useT();
  const [params, navigate] = useUrlParams();
  const page: Page = params.get('case') ? 'case' : ((params.get('page') as Page | null) ?? 'cases');
  const canReport = session.me.access.reportReader || session.me.access.deskIds.length > 0;
  const go = (p: string) => {
    const next = new URLSearchParams();
    if (p !== 'cases') next.set('page', p);
    navigate(next);
  };
  return (
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
          selectedValue={page === 'case' ? 'cases' : page}
          onTabSelect={(_e, d) => go(String(d.value))}
        >
          <Tab value="cases">{t('tabCases')}</Tab>
          {canReport && <Tab value="report">{t('tabReport')}</Tab>}
          <Tab value="notices">{t('tabNotices')}</Tab>
        </TabList>
        <Text className={styles.user}>{session.me.user.name}</Text>
      </nav>
      <main className={styles.main}>
        {page === 'cases' && <CasesView session={session} params={params} navigate={navigate} />}
        {page === 'case' && (
          <CaseView session={session} refParam={params.get('case') ?? ''} navigate={navigate} />
        )}
        {page === 'report' && canReport && (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <ReportView session={session} params={params} navigate={navigate} />
          </Suspense>
        )}
        {page === 'notices' && <NoticesView session={session} />}
      </main>
    </div>
  );
}
