import type { LayoutChart } from '../core/report/layout';
import { quoteSheetName } from '../core/values/address';
import { escapeXml } from './patch';

/**
 * A sheet's charts as DrawingML: one drawing part (a two-cell anchor per chart) and one chart part per chart whose
 * series point at the sheet's own cells, so Excel, WPS and LibreOffice draw them from what the sheet holds.
 */

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const REL_DRAWING = `${NS_R}/drawing`;
export const REL_CHART = `${NS_R}/chart`;

/** `B8` → 0-based column and row, for a drawing anchor. */
function cellIndex(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return { col: 0, row: 0 };
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** `C7:C10` on sheet S → the header cell `'S'!$C$7` and the values `'S'!$C$8:$C$10`. */
function seriesRefs(sheet: string, range: string): { name: string; values: string } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  const q = quoteSheetName(sheet);
  if (!m) return { name: `${q}!${range}`, values: `${q}!${range}` };
  return { name: `${q}!$${m[1]}$${m[2]}`, values: `${q}!$${m[1]}$${Number(m[2]) + 1}:$${m[3]}$${m[4]}` };
}

const absoluteRange = (sheet: string, range: string): string => `${quoteSheetName(sheet)}!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;

/** The chart part of one chart. */
export function chartXml(chart: LayoutChart, sheet: string): string {
  const cat = absoluteRange(sheet, chart.categories);
  const series = chart.series
    .map((range, i) => {
      const { name, values } = seriesRefs(sheet, range);
      const marker = chart.kind === 'line' ? '<c:marker><c:symbol val="circle"/></c:marker>' : '';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(name)}</c:f></c:strRef></c:tx>${marker}` +
        `<c:cat><c:strRef><c:f>${escapeXml(cat)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(values)}</c:f></c:numRef></c:val>` +
        (chart.kind === 'line' ? '<c:smooth val="0"/>' : '') +
        '</c:ser>'
      );
    })
    .join('');
  const axes = '<c:axId val="1001"/><c:axId val="1002"/>';
  let plot: string;
  if (chart.kind === 'pie') plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  else if (chart.kind === 'line') plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  else plot = `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const axisXml =
    chart.kind === 'pie'
      ? ''
      : `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
        `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axisXml}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing part of a sheet: one anchor per chart, each pointing at `rId{i+1}` of the drawing's rels. */
export function drawingXml(charts: readonly LayoutChart[]): string {
  const anchors = charts
    .map((c, i) => {
      const from = cellIndex(c.anchor);
      const to = cellIndex(c.anchorEnd);
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

/** The drawing's relationships to its chart parts (targets relative to xl/drawings/). */
export function drawingRelsXml(chartParts: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    chartParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/${p.slice('xl/charts/'.length)}"/>`).join('') +
    '</Relationships>'
  );
}
