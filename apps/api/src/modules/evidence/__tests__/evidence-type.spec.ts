import { detectEvidenceType, extensionOf, sniffBinaryType } from '../evidence-type';
import { CSV_TEXT, elfBytes, JSON_TEXT, jpegBytes, MARKDOWN_TEXT, pdfBytes, PLAIN_TEXT, pngBytes } from './evidence-fixtures';

const text = (s: string) => Buffer.from(s, 'utf8');

describe(detectEvidenceType.name, () => {
  describe('recognises accepted files by their content', () => {
    it.each([
      ['report.pdf', pdfBytes(), 'application/pdf'],
      ['dashboard.png', pngBytes(), 'image/png'],
      ['photo.jpg', jpegBytes(), 'image/jpeg'],
      ['photo.JPEG', jpegBytes(), 'image/jpeg'],
      ['metrics.csv', text(CSV_TEXT), 'text/csv'],
      ['metrics.json', text(JSON_TEXT), 'application/json'],
      ['handover.md', text(MARKDOWN_TEXT), 'text/markdown'],
      ['notes.txt', text(PLAIN_TEXT), 'text/plain'],
    ])('%s is %s', (name, bytes, expected) => {
      expect(detectEvidenceType(bytes, name)).toEqual({ ok: true, mediaType: expected });
    });

    it('classifies text by content when the name does not say: JSON, then a table, then plain text', () => {
      expect(detectEvidenceType(text(JSON_TEXT), 'export')).toEqual({ ok: true, mediaType: 'application/json' });
      expect(detectEvidenceType(text(CSV_TEXT), 'export.txt')).toEqual({ ok: true, mediaType: 'text/csv' });
      expect(detectEvidenceType(text('a\tb\n1\t2\n3\t4\n'), 'export.txt')).toEqual({ ok: true, mediaType: 'text/csv' });
      expect(detectEvidenceType(text(PLAIN_TEXT), 'README')).toEqual({ ok: true, mediaType: 'text/plain' });
      // A lone JSON scalar is text, not a JSON document, unless the name says .json.
      expect(detectEvidenceType(text('42\n'), 'count.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
      expect(detectEvidenceType(text('42\n'), 'count.json')).toEqual({ ok: true, mediaType: 'application/json' });
    });

    it('judges text as text even when it happens to begin like a binary signature', () => {
      expect(detectEvidenceType(text('MZ-2041,open,3\nMZ-2042,closed,5\n'), 'tickets.csv')).toEqual({ ok: true, mediaType: 'text/csv' });
      expect(detectEvidenceType(text('BM25 beat the dense retriever on 3 of 5 suites.\n'), 'notes.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    });

    it('recognises binary files from their first bytes alone', () => {
      expect(detectEvidenceType(pngBytes(64, 64, { noisy: true }).subarray(0, 4096), 'chart.png')).toEqual({ ok: true, mediaType: 'image/png' });
      expect(sniffBinaryType(pdfBytes().subarray(0, 16))).toEqual({ kind: 'accepted', mediaType: 'application/pdf' });
      expect(sniffBinaryType(text(CSV_TEXT))).toEqual({ kind: 'none' });
    });

    it('accepts UTF-8 text with a byte-order mark and non-ASCII characters', () => {
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text('Stadt,Umsatz €\nKöln,12\nMünchen,14\n')]);
      expect(detectEvidenceType(bom, 'umsatz.csv')).toEqual({ ok: true, mediaType: 'text/csv' });
    });
  });

  describe('refuses spoofed and unsupported files', () => {
    it('refuses a PNG named .pdf, naming both types', () => {
      const result = detectEvidenceType(pngBytes(), 'audit-report.pdf');
      expect(result).toMatchObject({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
      expect(!result.ok && result.message).toMatch(/“audit-report\.pdf” is named like a PDF document but its content is a PNG image/);
    });

    it('refuses a PDF named .png and a JPEG named .csv', () => {
      expect(detectEvidenceType(pdfBytes(), 'chart.png')).toMatchObject({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
      expect(detectEvidenceType(jpegBytes(), 'metrics.csv')).toMatchObject({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
    });

    it('refuses a binary (an ELF executable) named .csv', () => {
      const result = detectEvidenceType(elfBytes(), 'metrics.csv');
      expect(result).toMatchObject({ ok: false, reason: 'UNSUPPORTED_FILE_TYPE' });
      expect(!result.ok && result.message).toMatch(/ELF format/);
    });

    it('refuses unknown binary content even without a name to contradict', () => {
      const zipLike = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
      expect(detectEvidenceType(zipLike, 'data')).toMatchObject({ ok: false, reason: 'UNSUPPORTED_FILE_TYPE' });
      expect(detectEvidenceType(Buffer.from([0x01, 0x02, 0x00, 0x03, 0x99]), 'blob.txt')).toMatchObject({ ok: false, reason: 'UNSUPPORTED_FILE_TYPE' });
    });

    it('refuses text that is not UTF-8 (Latin-1), saying how to fix it', () => {
      const latin1 = Buffer.from('Stadt;Umsatz\nKöln;12\nMünchen;14\n', 'latin1');
      const result = detectEvidenceType(latin1, 'umsatz.csv');
      expect(result).toMatchObject({ ok: false, reason: 'NOT_UTF8' });
      expect(!result.ok && result.message).toMatch(/Save it with UTF-8 encoding/);
    });

    it('refuses a file whose name promises a type we do not accept, whatever its content', () => {
      expect(detectEvidenceType(text('<html><body>hi</body></html>'), 'page.html')).toMatchObject({ ok: false, reason: 'UNSUPPORTED_FILE_TYPE' });
      expect(detectEvidenceType(pngBytes(), 'setup.exe')).toMatchObject({ ok: false, reason: 'UNSUPPORTED_FILE_TYPE' });
    });

    it('refuses a .json that does not parse and a .csv whose rows do not line up', () => {
      expect(detectEvidenceType(text('{"mape": 0.12,'), 'metrics.json')).toMatchObject({ ok: false, reason: 'INVALID_JSON' });
      const ragged = detectEvidenceType(text('a,b,c\n1,2,3\n4,5\n'), 'metrics.csv');
      expect(ragged).toMatchObject({ ok: false, reason: 'INVALID_CSV' });
      expect(!ragged.ok && ragged.message).toMatch(/row 3 has 2 fields, the first row has 3/);
    });

    it('refuses an empty file', () => {
      expect(detectEvidenceType(Buffer.alloc(0), 'empty.txt')).toMatchObject({ ok: false, reason: 'EMPTY_FILE' });
    });
  });
});

describe(extensionOf.name, () => {
  it('takes the last extension of the base name, lower-cased', () => {
    expect(extensionOf('a/b/Report.Final.PDF')).toBe('pdf');
    expect(extensionOf('C:\\docs\\x.csv')).toBe('csv');
    expect(extensionOf('.env')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});
