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
