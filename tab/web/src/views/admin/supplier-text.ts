/** The words of "Innstillinger › Leverandører", in Norwegian bokmål (default) and English. */
import type { LocalizedText } from '../../../../../shared/i18n-text';
import { useT } from '../../i18n';

const S = {
  section: { nb: 'Leverandører', en: 'Suppliers' },
  newSupplier: { nb: 'Ny leverandør', en: 'New supplier' },
  editSupplier: { nb: 'Endre leverandør', en: 'Edit supplier' },
  noSuppliers: { nb: 'Ingen leverandører ennå.', en: 'No suppliers yet.' },
  operates: { nb: 'Drifter', en: 'Operates' },
  application: { nb: 'Applikasjon', en: 'Application' },
  infrastructure: { nb: 'Infrastruktur', en: 'Infrastructure' },
  services: { nb: 'Tjenester de drifter', en: 'Services they operate' },
  desk: { nb: 'Servicesenter som får hendelsene', en: 'Desk that receives their incidents' },
  phone: { nb: 'Telefon (ringes ved kritiske feil)', en: 'Phone (called for critical faults)' },
  email: { nb: 'E-post', en: 'E-mail' },
  entraAppIds: {
    nb: 'Entra-klient-id-er (én per linje, med approllen Supplier.{id})',
    en: 'Entra client ids (one per line, with the app role Supplier.{id})',
  },
  webhookUrl: { nb: 'Webhook-adresse (https, valgfri)', en: 'Webhook address (https, optional)' },
  secretName: {
    nb: 'Miljøvariabel med signeringshemmeligheten',
    en: 'Environment variable holding the signing secret',
  },
  secretHint: {
    nb: 'Bare navnet, f.eks. FRISTVAKT_SUPPLIER_SECRET_SOPRA. Selve hemmeligheten ligger i Key Vault.',
    en: 'Only the name, e.g. FRISTVAKT_SUPPLIER_SECRET_SOPRA. The secret itself lives in Key Vault.',
  },
  previousSecretName: {
    nb: 'Forrige signeringshemmelighet (bare under bytte)',
    en: 'Previous signing secret (only while rotating)',
  },
  previousSecretHint: {
    nb: 'Fristvakt signerer med begge til feltet tømmes: la leverandøren bytte først.',
    en: 'Fristvakt signs with both until this is emptied: let the supplier switch first.',
  },
  disabled: {
    nb: 'Deaktivert (forespørsler avvises, ingenting sendes)',
    en: 'Disabled (requests refused, nothing sent)',
  },
  active: { nb: 'Aktiv', en: 'Active' },
  inactive: { nb: 'Deaktivert', en: 'Disabled' },
  keys: { nb: 'API-nøkler', en: 'API keys' },
  keysHelp: {
    nb: 'Høyst to gyldige samtidig: lag en ny, la leverandøren bytte, og trekk tilbake den gamle.',
    en: 'At most two valid at a time: create a new one, let the supplier switch, then revoke the old one.',
  },
  noKeys: { nb: 'Ingen nøkler.', en: 'No keys.' },
  keyEnds: { nb: 'Slutter på', en: 'Ends with' },
  keyCreated: { nb: 'Laget', en: 'Created' },
  keyState: { nb: 'Tilstand', en: 'State' },
  keyValid: { nb: 'Gyldig', en: 'Valid' },
  keyRevoked: { nb: 'Trukket tilbake {at}', en: 'Revoked {at}' },
  newKey: { nb: 'Ny API-nøkkel', en: 'New API key' },
  maxKeys: {
    nb: 'To gyldige nøkler finnes alt: trekk tilbake en før du lager en ny.',
    en: 'Two valid keys exist already: revoke one before creating another.',
  },
  keyOnceTitle: { nb: 'Ny nøkkel – vises bare nå', en: 'New key – shown only now' },
  keyOnce: {
    nb: 'Kopier nøkkelen og gi den til leverandøren på en sikker måte. Den vises bare nå: Fristvakt lagrer bare et fingeravtrykk av den.',
    en: 'Copy the key and give it to the supplier securely. It is shown only now: Fristvakt keeps only a fingerprint of it.',
  },
  keyLabel: { nb: 'API-nøkkel', en: 'API key' },
  copy: { nb: 'Kopier', en: 'Copy' },
  copied: { nb: 'Kopiert.', en: 'Copied.' },
  copyFailed: {
    nb: 'Kunne ikke kopiere: merk teksten og kopier den selv.',
    en: 'Could not copy: select the text and copy it yourself.',
  },
  hideKey: { nb: 'Jeg har kopiert den', en: 'I have copied it' },
  revoke: { nb: 'Trekk tilbake', en: 'Revoke' },
  revokeTitle: { nb: 'Trekke tilbake nøkkelen?', en: 'Revoke the key?' },
  revokeText: {
    nb: 'Nøkkelen som slutter på «{hint}» slutter å virke med en gang. Leverandørens system får 401 til det bruker en annen nøkkel.',
    en: 'The key ending in "{hint}" stops working at once. The supplier’s system gets 401 until it uses another key.',
  },
  revoked: { nb: 'Nøkkelen er trukket tilbake.', en: 'The key is revoked.' },
  keyMade: { nb: 'Nøkkelen er laget.', en: 'The key is created.' },
} satisfies Record<string, LocalizedText>;

export type SupplierTextKey = keyof typeof S;

export function useSupplierText(): (k: SupplierTextKey) => string {
  const { locale } = useT();
  return (k) => S[k][locale];
}
