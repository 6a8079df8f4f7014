/**
 * A chart's SVG as PNG for print, with resvg (@resvg/resvg-js: Rust's resvg behind napi-rs, installed from the npm
 * registry as a prebuilt platform package, no browser, no canvas, no download at install or run time). Loaded on
 * first use, like exceljs: most processes never draw a chart.
 */
import { CHART_FONT, CHART_WIDTH } from './chart-svg.ts';

/** Print resolution: the 800 px chart at 2.5× is 2000 px wide, 254 dpi across a 20 cm column. */
export const PNG_SCALE = 2.5;

export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(CHART_WIDTH * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT },
    background: '#ffffff',
  });
  return Buffer.from(r.render().asPng());
}

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
