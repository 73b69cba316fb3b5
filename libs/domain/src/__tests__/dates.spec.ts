import fc from 'fast-check';
import { parseIsoDate, subtractMonthsUtc } from '../dates';

describe('dates', () => {
  describe(parseIsoDate.name, () => {
    it('reads a calendar date as midnight UTC', () => {
      expect(parseIsoDate('2024-03-31')).toEqual({ date: new Date('2024-03-31T00:00:00Z'), dateOnly: true });
    });

    it('reads a date-time with an offset', () => {
      expect(parseIsoDate('2024-03-31T10:15:30.25+02:00')).toEqual({
        date: new Date('2024-03-31T08:15:30.250Z'),
        dateOnly: false,
      });
    });

    it.each(['2023-02-29', '2024-04-31', '2024-00-10', '2024-3-1', '2024-03-31T10:15', '2024-03-31T10:15:00+15:00', 'now'])(
      'refuses %p',
      (value) => expect(parseIsoDate(value)).toBeNull(),
    );

    it('accepts 29 February in a leap year', () => {
      expect(parseIsoDate('2024-02-29')?.date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    });

    it('reads back every instant it printed', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
          expect(parseIsoDate(date.toISOString())?.date.getTime()).toBe(date.getTime());
        }),
      );
    });
  });

  describe(subtractMonthsUtc.name, () => {
    it.each([
      ['2024-06-15T12:00:00.000Z', 12, '2023-06-15T12:00:00.000Z'],
      ['2024-03-31T08:00:00.000Z', 1, '2024-02-29T08:00:00.000Z'],
      ['2024-02-29T09:00:00.000Z', 12, '2023-02-28T09:00:00.000Z'],
      ['2024-01-15T00:00:00.000Z', 13, '2022-12-15T00:00:00.000Z'],
    ])('%s minus %i months is %s', (from, months, expected) => {
      expect(subtractMonthsUtc(new Date(from), months).toISOString()).toBe(expected);
    });
  });
});
