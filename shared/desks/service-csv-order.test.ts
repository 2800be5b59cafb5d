import { deskId, serviceId } from '../ids';
import type { Service } from './model';
import { parseServiceCsv, serviceCsv } from './service-csv';

const known = { deskIds: ['ror-ikt'], orgIds: ['molde'] };
const pc: Service = {
  id: serviceId('ror-bestill-pc'),
  name: 'Ny PC',
  deskId: deskId('ror-ikt'),
  criticality: 'normal',
  order: {
    orderable: true,
    orderOnly: true,
    description: 'Bærbar PC; ferdig installert.',
    priceText: 'kr 8 900 per PC',
    deliveryWorkingDays: 5,
    needsApproval: true,
    billing: { kind: 'cost_centre', pattern: '\\d{4,6}', example: '4410' },
  },
};
const plain: Service = {
  id: serviceId('agresso'),
  name: 'Agresso',
  deskId: deskId('ror-ikt'),
  criticality: 'normal',
};

describe('service CSV with order terms', () => {
  it('exports and imports the order terms unchanged', () => {
    const { rows, fileError } = parseServiceCsv(serviceCsv([pc, plain]), known);
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows.map((r) => r.service)).toEqual([pc, plain]);
  });

  it('reads a file without the order columns as services without terms', () => {
    const csv =
      'id;navn;desk;kritikalitet;forvalter_id;forvalter_navn;leverandor;virksomheter;status\nagresso;Agresso;ror-ikt;normal;;;;;aktiv\n';
    expect(parseServiceCsv(csv, known).rows[0]!.service).toEqual(plain);
  });

  it('refuses bad terms at their column, in Norwegian, by the catalogue’s own check', () => {
    const csv = serviceCsv([pc]).replace('\\d{4,6};4410', '\\d{4,6};44-10').replace(';5;ja;', ';fem;ja;');
    const row = parseServiceCsv(csv, known).rows[0]!;
    expect(row.service).toBeUndefined();
    expect(row.errors).toEqual([
      { field: 'leveringstid_virkedager', message: 'Leveringstid er et helt antall virkedager (0–365).' },
    ]);
    const example = parseServiceCsv(serviceCsv([pc]).replace('\\d{4,6};4410', '\\d{4,6};44-10'), known)
      .rows[0]!;
    expect(example.errors).toEqual([
      { field: 'fakturering_eksempel', message: 'Eksempelet passer ikke formatet.' },
    ]);
  });
});
