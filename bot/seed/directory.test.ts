import { directoryPeople } from '../../shared/people';
import { DESKS } from './desks';
import { DEMO_DIRECTORY } from './directory';

it('names every demo person the seed refers to: desk members, superbrukere, report readers', () => {
  const ids = [
    ...DESKS.flatMap((d) => d.members),
    ...Object.values(DEMO_DIRECTORY.superusers).flat(),
    ...DEMO_DIRECTORY.reportReaders,
  ];
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const name = DEMO_DIRECTORY.users[id]?.name;
    expect({ id, name: name && !name.startsWith('demo-') ? 'named' : name }).toEqual({ id, name: 'named' });
  }
});

it('gives every demo person an e-mail, so the admin pages find them by name or e-mail', async () => {
  for (const [id, u] of Object.entries(DEMO_DIRECTORY.users))
    expect({ id, email: u.email?.includes('@') }).toEqual({ id, email: true });
  expect(await directoryPeople(DEMO_DIRECTORY).search('siri.kundeservice')).toEqual([
    { id: 'demo-desk-ror', name: 'Siri Kundeservice', email: 'siri.kundeservice@ror-ikt.no' },
  ]);
});
