// Renders the trend spec to a PNG without a browser: Vega draws SVG in Node, resvg rasterises it
// with a bundled font (DejaVu Sans from npm), so no system package is needed.

import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { TREND_SIZE } from './spec.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderChartPng(spec: TopLevelSpec): Promise<Buffer> {
  const svg = await renderChartSvg(spec);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: TREND_SIZE.width },
    font: { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  }).render().asPng();
  return Buffer.from(png);
}
