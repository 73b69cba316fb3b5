// A tiny SVG chart generator (line and grouped-bar charts) for the simulation
// report: no dependency, deterministic output, readable in any browser or on GitHub.

export interface Series {
  name: string;
  values: readonly number[];
  /** CSS colour; defaults to the palette by position. */
  color?: string;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const PALETTE = ['#1b6ca8', '#d1495b', '#edae49', '#66a182', '#6d597a', '#00798c'];
const FRAME: Frame = { width: 760, height: 380, left: 60, right: 180, top: 40, bottom: 50 };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function axes(f: Frame, title: string, yLabel: string, yMin: number, yMax: number, yTicks: number): string[] {
  const out: string[] = [];
  const plotH = f.height - f.top - f.bottom;
  const plotW = f.width - f.left - f.right;
  out.push(`<text x="${f.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  for (let i = 0; i <= yTicks; i++) {
    const v = yMin + ((yMax - yMin) * i) / yTicks;
    const y = f.top + plotH - (plotH * i) / yTicks;
    out.push(`<line x1="${f.left}" y1="${num(y)}" x2="${f.left + plotW}" y2="${num(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${f.left - 6}" y="${num(y + 4)}" font-size="11" text-anchor="end">${(Math.abs(v) < 1e-9 ? 0 : v).toFixed(2)}</text>`);
  }
  out.push(`<text x="14" y="${num(f.top + plotH / 2)}" font-size="12" transform="rotate(-90 14 ${num(f.top + plotH / 2)})" text-anchor="middle">${esc(yLabel)}</text>`);
  out.push(`<line x1="${f.left}" y1="${f.top + plotH}" x2="${f.left + plotW}" y2="${f.top + plotH}" stroke="#333"/>`);
  out.push(`<line x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${f.top + plotH}" stroke="#333"/>`);
  return out;
}

function colorOf(series: readonly Series[], k: number): string {
  return series[k].color ?? PALETTE[k % PALETTE.length];
}

function legend(f: Frame, series: readonly Series[]): string[] {
  const x = f.width - f.right + 16;
  return series.flatMap((s, i) => [
    `<rect x="${x}" y="${f.top + i * 22}" width="14" height="14" fill="${colorOf(series, i)}"/>`,
    `<text x="${x + 20}" y="${f.top + i * 22 + 12}" font-size="12">${esc(s.name)}</text>`,
  ]);
}

function wrap(f: Frame, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${f.width}" height="${f.height}" fill="white"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A line chart of several series over x = 1..n. */
export function lineChart(title: string, xLabel: string, yLabel: string, series: readonly Series[], yMin: number, yMax: number, yTicks = 5): string {
  const f = FRAME;
  const plotH = f.height - f.top - f.bottom;
  const plotW = f.width - f.left - f.right;
  const n = Math.max(...series.map((s) => s.values.length));
  const x = (i: number): number => f.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number): number => f.top + plotH - (plotH * (Math.min(yMax, Math.max(yMin, v)) - yMin)) / (yMax - yMin);
  const body = axes(f, title, yLabel, yMin, yMax, yTicks);
  const step = Math.max(1, Math.ceil(n / 10));
  for (let i = 0; i < n; i += step) {
    body.push(`<text x="${num(x(i))}" y="${f.top + plotH + 16}" font-size="11" text-anchor="middle">${i + 1}</text>`);
  }
  body.push(`<text x="${num(f.left + plotW / 2)}" y="${f.height - 10}" font-size="12" text-anchor="middle">${esc(xLabel)}</text>`);
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${num(x(i))},${num(y(v))}`).join(' ');
    body.push(`<polyline fill="none" stroke="${colorOf(series, k)}" stroke-width="2.2" points="${points}"/>`);
  });
  body.push(...legend(f, series));
  return wrap(f, body);
}

/** A grouped bar chart: one group per category, one bar per series. */
export function groupedBarChart(title: string, categories: readonly string[], yLabel: string, series: readonly Series[], yMin: number, yMax: number, yTicks = 5): string {
  const f = FRAME;
  const plotH = f.height - f.top - f.bottom;
  const plotW = f.width - f.left - f.right;
  const y = (v: number): number => f.top + plotH - (plotH * (Math.min(yMax, Math.max(yMin, v)) - yMin)) / (yMax - yMin);
  const body = axes(f, title, yLabel, yMin, yMax, yTicks);
  if (yMin < 0) body.push(`<line x1="${f.left}" y1="${num(y(0))}" x2="${f.left + plotW}" y2="${num(y(0))}" stroke="#333"/>`);
  const groupW = plotW / categories.length;
  const barW = (groupW * 0.8) / series.length;
  categories.forEach((c, g) => {
    const gx = f.left + g * groupW + groupW * 0.1;
    series.forEach((s, k) => {
      const v = s.values[g];
      const top = y(Math.max(v, 0));
      const base = y(Math.min(0, Math.max(yMin, 0)));
      body.push(
        `<rect x="${num(gx + k * barW)}" y="${num(Math.min(top, base))}" width="${num(barW - 1)}" height="${num(Math.abs(base - top))}" fill="${colorOf(series, k)}"/>`,
      );
    });
    body.push(`<text x="${num(gx + groupW * 0.4)}" y="${f.top + plotH + 16}" font-size="11" text-anchor="middle">${esc(c)}</text>`);
  });
  body.push(...legend(f, series));
  return wrap(f, body);
}
