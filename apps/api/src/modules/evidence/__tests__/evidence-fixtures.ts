import { crc32, deflateSync } from 'node:zlib';

/** Real files for evidence tests, built in memory so no binary fixtures live in the repository. */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid RGB PNG. With `noisy`, the pixels are pseudo-random so the file does not
 * compress (about 3 × width × height bytes), which makes a big upload easy to build.
 */
export function pngBytes(width = 4, height = 4, options: { noisy?: boolean } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 0x2f6b1e3d;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width * 3; x++) {
      if (options.noisy) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        raw[row + 1 + x] = seed >>> 24;
      } else {
        raw[row + 1 + x] = x % 3 === 0 ? 40 + ((y * 17) % 200) : x % 3 === 1 ? 120 : 200;
      }
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: options.noisy ? 0 : 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small but well-formed one-page PDF. */
export function pdfBytes(text = 'Evaluation report'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The start of a JFIF JPEG (SOI + APP0), which is what identifies one. */
export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]),
    Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00, ...Array.from({ length: 64 }, (_, i) => (i % 16) + 1)]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The header of a 64-bit Linux executable, padded like a real one (full of NUL bytes). */
export function elfBytes(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00], 0);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

export const CSV_TEXT = 'metric,baseline,claimed\nforecast_mape,0.21,0.12\nstockouts_per_week,14,6\n';
export const JSON_TEXT = '{"model":"gbm-v3","mape":0.118,"evaluated_on":"2025-01-31"}\n';
export const MARKDOWN_TEXT = '# Handover notes\n\n- The client team retrains the model monthly.\n- Alerts go to the on-call rota.\n';
export const PLAIN_TEXT = 'Meeting notes, 3 March.\nThe model went live in week 12 and has run since then.\n';
