import { orgId } from '../ids';
import { mayReport } from './reporting';

describe('who may report', () => {
  const ror = {
    id: orgId('molde'),
    name: 'Molde kommune',
    reporting: {
      kind: 'groups' as const,
      groupIds: ['g-ansatte', 'g-vikarer'],
      contact: 'Kundeservice, 71 11 10 00',
    },
  };

  it('lets everyone report when the organisation has no rule or allows all', () => {
    expect(mayReport({}, [])).toEqual({ allowed: true });
    expect(mayReport({ reporting: { kind: 'all' } }, [])).toEqual({ allowed: true });
    expect(mayReport(undefined, [])).toEqual({ allowed: true });
  });

  it('lets only members of the named groups report, and tells the others whom to contact', () => {
    expect(mayReport(ror, ['g-vikarer'])).toEqual({ allowed: true });
    expect(mayReport(ror, ['g-elever'])).toEqual({ allowed: false, contact: 'Kundeservice, 71 11 10 00' });
    expect(mayReport(ror, [])).toEqual({ allowed: false, contact: 'Kundeservice, 71 11 10 00' });
  });
});
