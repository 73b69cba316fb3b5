import { parseRosterCsv, ROSTER_CSV_LIMITS } from '../roster-csv';

const NOW = new Date('2025-06-15T12:00:00Z');
const HEADER = 'client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

describe(parseRosterCsv.name, () => {
  it('reads a good file, in any column order, with a BOM, CRLF and blank lines', () => {
    const text = '\uFEFFcontact_email,client_name,client_domain,contact_name,project_started_on,project_ended_on\r\n' + 'jane@acme.com,Acme,acme.com,Jane,2023-01-01,2023-06-30\r\n\r\n' + '"bo@beta.io","Beta, Inc.",beta.io,Bo,2024-02-01,\r\n';
    const result = parseRosterCsv(text, NOW);
    expect(result).toEqual({
      ok: true,
      entries: [
        { row: 2, clientName: 'Acme', clientDomain: 'acme.com', contactName: 'Jane', contactEmail: 'jane@acme.com', projectStartedOn: '2023-01-01', projectEndedOn: '2023-06-30' },
        { row: 4, clientName: 'Beta, Inc.', clientDomain: 'beta.io', contactName: 'Bo', contactEmail: 'bo@beta.io', projectStartedOn: '2024-02-01', projectEndedOn: null },
      ],
    });
  });

  it('reports every bad row by its number in the file and its column', () => {
    const result = parseRosterCsv(
      csv(
        'Acme,acme.com,Jane,jane@acme.com,2023-01-01,2023-06-30',
        'Beta,beta.io,Bo,not-an-email,2023-01-01,2023-06-30',
        'Gamma,,Gil,gil@gamma.com,2023-01-01,2023-06-30',
        'Delta,delta.com,Dee,dee@delta.com,2023-06-01,2023-01-01',
        'Epsilon,eps.com,Eve,eve@eps.com,2099-01-01,',
        'Zeta,zeta.com,Zed',
      ),
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('ROSTER_CSV_ROWS_INVALID');
    expect(result.message).toMatch(/Nothing was imported: 5 rows have problems/);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'contact_email'],
      [4, 'client_domain'],
      [5, 'project_ended_on'],
      [6, 'project_started_on'],
      [7, null],
    ]);
  });

  it('refuses a duplicate engagement within the file, naming the first row', () => {
    const result = parseRosterCsv(csv('Acme,acme.com,Jane,jane@acme.com,2023-01-01,', 'Acme,acme.com,Jane,JANE+x@acme.com,2023-01-01,'), NOW);
    expect(result.ok || result.errors).toEqual([{ row: 3, column: 'contact_email', message: expect.stringContaining('Row 2') }]);
  });

  it('refuses a wrong header (row 1) without checking the rows', () => {
    const result = parseRosterCsv('client,client_domain,contact_name,email,project_started_on,project_ended_on\nAcme,acme.com,Jane,jane@acme.com,2023-01-01,', NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('ROSTER_CSV_HEADER_INVALID');
    expect(result.errors).toEqual([
      { row: 1, column: null, message: 'Unknown column “client”.' },
      { row: 1, column: null, message: 'Unknown column “email”.' },
      { row: 1, column: 'client_name', message: 'The column “client_name” is missing.' },
      { row: 1, column: 'contact_email', message: 'The column “contact_email” is missing.' },
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(parseRosterCsv('  \n', NOW)).toMatchObject({ ok: false, reason: 'ROSTER_CSV_EMPTY' });
    expect(parseRosterCsv(HEADER, NOW)).toMatchObject({ ok: false, reason: 'ROSTER_CSV_EMPTY' });
  });

  it('refuses more than 2,000 rows and more than 1 MB', () => {
    const rows = Array.from({ length: ROSTER_CSV_LIMITS.maxRows + 1 }, (_, i) => `C${i},c${i}.com,N,n@c${i}.com,2023-01-01,`);
    expect(parseRosterCsv(csv(...rows), NOW)).toMatchObject({ ok: false, reason: 'ROSTER_CSV_TOO_MANY_ROWS' });
    expect(parseRosterCsv(csv(...rows.slice(0, ROSTER_CSV_LIMITS.maxRows)), NOW).ok).toBe(true);
    const big = csv(`${'x'.repeat(ROSTER_CSV_LIMITS.maxBytes)},acme.com,N,n@acme.com,2023-01-01,`);
    expect(parseRosterCsv(big, NOW)).toMatchObject({ ok: false, reason: 'ROSTER_CSV_TOO_LARGE' });
  });

  it('accepts semicolon-separated files (as spreadsheet apps in many locales save them)', () => {
    const result = parseRosterCsv(`${HEADER.replace(/,/g, ';')}\nAcme;acme.com;Jane;jane@acme.com;2023-01-01;`, NOW);
    expect(result.ok).toBe(true);
  });
});
