import { rosterEntryKey, validateRosterEntry, type RosterEntryInput } from '../roster-entries';

const NOW = new Date('2025-06-15T12:00:00Z');

function anEntry(overrides: Partial<RosterEntryInput> = {}): RosterEntryInput {
  return {
    clientName: 'Acme Retail',
    clientDomain: 'acme.com',
    contactName: 'Jane Doe',
    contactEmail: 'jane@acme.com',
    projectStartedOn: '2023-01-10',
    projectEndedOn: '2023-09-30',
    ...overrides,
  };
}

function fieldsOf(overrides: Partial<RosterEntryInput>) {
  const result = validateRosterEntry(anEntry(overrides), NOW);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

describe('roster entries', () => {
  it('accepts a well-formed engagement and normalises it', () => {
    const result = validateRosterEntry(
      anEntry({ clientName: '  Acme Retail ', clientDomain: 'https://ACME.com/', contactEmail: ' Jane@ACME.com ', projectEndedOn: ' 2023-09-30 ' }),
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      entry: {
        clientName: 'Acme Retail',
        clientDomain: 'acme.com',
        contactName: 'Jane Doe',
        contactEmail: 'jane@acme.com',
        projectStartedOn: '2023-01-10',
        projectEndedOn: '2023-09-30',
      },
    });
  });

  it('accepts an engagement that is still running (no end date)', () => {
    const result = validateRosterEntry(anEntry({ projectEndedOn: '  ' }), NOW);
    expect(result.ok && result.entry.projectEndedOn).toBeNull();
  });

  it('refuses missing names, domain and email, each against its field', () => {
    expect(fieldsOf({ clientName: ' ', contactName: '', clientDomain: '', contactEmail: '' })).toEqual([
      ['clientName', 'ROSTER_FIELD_REQUIRED'],
      ['contactName', 'ROSTER_FIELD_REQUIRED'],
      ['clientDomain', 'ROSTER_FIELD_REQUIRED'],
      ['contactEmail', 'ROSTER_FIELD_REQUIRED'],
    ]);
  });

  it('refuses a name that is too long', () => {
    expect(fieldsOf({ clientName: 'x'.repeat(201) })).toEqual([['clientName', 'ROSTER_FIELD_TOO_LONG']]);
  });

  it('refuses a malformed domain and a malformed email', () => {
    expect(fieldsOf({ clientDomain: 'localhost', contactEmail: 'jane@' })).toEqual([
      ['clientDomain', 'ROSTER_DOMAIN_INVALID'],
      ['contactEmail', 'ROSTER_EMAIL_INVALID'],
    ]);
  });

  it('refuses dates that do not exist, date-times, and other formats', () => {
    expect(fieldsOf({ projectStartedOn: '2023-02-30' })).toEqual([['projectStartedOn', 'ROSTER_DATE_INVALID']]);
    expect(fieldsOf({ projectStartedOn: '2023-02-01T10:00:00Z' })).toEqual([['projectStartedOn', 'ROSTER_DATE_INVALID']]);
    expect(fieldsOf({ projectEndedOn: '30/09/2023' })).toEqual([['projectEndedOn', 'ROSTER_DATE_INVALID']]);
  });

  it('refuses dates in the future, but not today anywhere on Earth', () => {
    expect(fieldsOf({ projectStartedOn: '2025-06-17', projectEndedOn: '' })).toEqual([['projectStartedOn', 'ROSTER_DATE_IN_FUTURE']]);
    expect(fieldsOf({ projectEndedOn: '2025-07-01' })).toEqual([['projectEndedOn', 'ROSTER_DATE_IN_FUTURE']]);
    expect(fieldsOf({ projectStartedOn: '2025-06-16', projectEndedOn: '' })).toEqual([]);
  });

  it('refuses an end before the start, and allows a one-day engagement', () => {
    expect(fieldsOf({ projectStartedOn: '2023-05-01', projectEndedOn: '2023-04-30' })).toEqual([['projectEndedOn', 'ROSTER_DATES_REVERSED']]);
    expect(fieldsOf({ projectStartedOn: '2023-05-01', projectEndedOn: '2023-05-01' })).toEqual([]);
  });

  it('keys an engagement by client domain, contact identity and start date', () => {
    const a = rosterEntryKey({ clientDomain: 'acme.com', contactEmail: 'jane+x@acme.com', projectStartedOn: '2023-01-10' });
    const b = rosterEntryKey({ clientDomain: 'acme.com', contactEmail: 'jane@acme.com', projectStartedOn: '2023-01-10' });
    const c = rosterEntryKey({ clientDomain: 'acme.com', contactEmail: 'jane@acme.com', projectStartedOn: '2024-01-10' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
