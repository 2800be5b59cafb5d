import type { Directory } from './access';
import { orgId } from './ids';
import { directoryPeople } from './people';

const directory: Directory = {
  users: {
    'u-kari': { orgId: orgId('molde'), name: 'Kari Nordmann', email: 'kari.nordmann@molde.kommune.no' },
    'u-karl': { orgId: orgId('molde'), name: 'Karl Berg', email: 'karl.berg@molde.kommune.no' },
    'u-anne': { orgId: orgId('aukra'), name: 'Anne Karimi' },
    'u-ola': { orgId: orgId('aukra'), name: 'Ola Hansen', email: 'ola@aukra.kommune.no' },
    'u-uten-navn': { orgId: orgId('aukra') },
  },
  superusers: {},
  reportReaders: [],
};

describe('the directory-backed people search', () => {
  const people = directoryPeople(directory);

  it('finds by the start of a name or a word in it, then e-mail, then id, best first and by name', async () => {
    expect((await people.search('kar')).map((p) => p.id)).toEqual(['u-kari', 'u-karl', 'u-anne']);
    expect(await people.search('ola@')).toEqual([
      { id: 'u-ola', name: 'Ola Hansen', email: 'ola@aukra.kommune.no' },
    ]);
    expect((await people.search('HANSEN')).map((p) => p.id)).toEqual(['u-ola']);
    expect((await people.search('u-uten')).map((p) => p.name)).toEqual(['u-uten-navn']);
    expect(await people.search('kar', 1)).toHaveLength(1);
  });

  it('needs two characters and finds nobody for an unknown name', async () => {
    expect(await people.search(' k ')).toEqual([]);
    expect(await people.search('zzz')).toEqual([]);
  });

  it('names people by id, in the order asked, leaving out the unknown', async () => {
    expect(await people.lookup(['u-ola', 'nobody', 'u-anne'])).toEqual([
      { id: 'u-ola', name: 'Ola Hansen', email: 'ola@aukra.kommune.no' },
      { id: 'u-anne', name: 'Anne Karimi' },
    ]);
  });
});
