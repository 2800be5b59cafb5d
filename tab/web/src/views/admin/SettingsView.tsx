/**
 * "Innstillinger": setting Fristvakt up without touching code. Administrators see every section; a
 * desk lead sees their desks, their policies and those objects' change log. Shown only when `/api/me`
 * says `settings`; the server answers 403 to anyone else whatever the page shows.
 */
import { Subtitle1, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Session } from '../../App';
import { AuditSection } from './AuditSection';
import { DesksSection } from './DesksSection';
import { OrganisationsSection } from './OrganisationsSection';
import { PolicySection } from './PolicySection';
import { ServicesSection } from './ServicesSection';
import { useSettingsStyles } from './Settings.styles';
import { SuppliersSection } from './SuppliersSection';
import { useSupplierText } from './supplier-text';
import { useAdminText } from './text';

type Section = 'desks' | 'policy' | 'services' | 'orgs' | 'suppliers' | 'audit';

export function SettingsView({ session }: { session: Session }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const sup = useSupplierText();
  // `/api/me` says only that something may be set up; whether that is everything (administrator) or
  // one's own desks (desk lead) the server tells by answering the administrator's own list.
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    session.api.get('/api/admin/services').then(
      () => setAdmin(true),
      () => setAdmin(false),
    );
  }, [session]);
  const [section, setSection] = useState<Section>('desks');
  return (
    <div className={styles.root} data-testid="settings">
      <Subtitle1 as="h1">{a('title')}</Subtitle1>
      <TabList
        className={styles.tabs}
        selectedValue={section}
        onTabSelect={(_e, d) => setSection(d.value as Section)}
      >
        <Tab value="desks">{a('sectionDesks')}</Tab>
        <Tab value="policy">{a('sectionPolicy')}</Tab>
        {admin && <Tab value="services">{a('sectionServices')}</Tab>}
        {admin && <Tab value="orgs">{a('sectionOrgs')}</Tab>}
        {admin && <Tab value="suppliers">{sup('section')}</Tab>}
        <Tab value="audit">{a('sectionAudit')}</Tab>
      </TabList>
      {section === 'desks' && <DesksSection api={session.api} admin={admin} />}
      {section === 'policy' && <PolicySection api={session.api} now={session.me.now} />}
      {section === 'services' && admin && <ServicesSection api={session.api} />}
      {section === 'orgs' && admin && <OrganisationsSection api={session.api} />}
      {section === 'suppliers' && admin && <SuppliersSection api={session.api} />}
      {section === 'audit' && <AuditSection api={session.api} admin={admin} />}
    </div>
  );
}

export default SettingsView;
