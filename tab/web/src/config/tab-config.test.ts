import { channelTabConfig, parseChannelTabUrl } from './tab-config';

const BASE = 'https://fristvakt.example.no/tab/';

describe('channelTabConfig', () => {
  it('points Saksoversikt at the desk queue and the report at ?page=report', () => {
    expect(channelTabConfig(BASE, 'desk')).toEqual({
      contentUrl: 'https://fristvakt.example.no/tab/?view=desk',
      websiteUrl: 'https://fristvakt.example.no/tab/?view=desk',
      entityId: 'fristvakt-desk',
      suggestedDisplayName: 'Saksoversikt',
    });
    expect(channelTabConfig(BASE, 'report', undefined, 'en')).toEqual({
      contentUrl: 'https://fristvakt.example.no/tab/?page=report',
      websiteUrl: 'https://fristvakt.example.no/tab/?page=report',
      entityId: 'fristvakt-report',
      suggestedDisplayName: 'SLA report',
    });
  });

  it('adds the desk to the URL, the entity id and the name, and drops the page’s own query', () => {
    const c = channelTabConfig(`${BASE}?lang=en#x`, 'report', {
      id: 'ror-ikt',
      name: 'ROR-IKT Kundeservice',
    });
    expect(c.contentUrl).toBe('https://fristvakt.example.no/tab/?page=report&desk=ror-ikt');
    expect(c.entityId).toBe('fristvakt-report-ror-ikt');
    expect(c.suggestedDisplayName).toBe('SLA-rapport – ROR-IKT Kundeservice');
  });
});

describe('parseChannelTabUrl', () => {
  it('reads back what channelTabConfig wrote', () => {
    for (const choice of ['desk', 'report'] as const) {
      expect(parseChannelTabUrl(channelTabConfig(BASE, choice).contentUrl)).toEqual({ choice });
      expect(
        parseChannelTabUrl(channelTabConfig(BASE, choice, { id: 'uke', name: 'UKE' }).contentUrl),
      ).toEqual({ choice, deskId: 'uke' });
    }
  });

  it('gives null for no URL, a broken one, or another view', () => {
    expect(parseChannelTabUrl(undefined)).toBeNull();
    expect(parseChannelTabUrl('not a url')).toBeNull();
    expect(parseChannelTabUrl(`${BASE}?view=mine`)).toBeNull();
    expect(parseChannelTabUrl(`${BASE}?page=notices`)).toBeNull();
  });
});
