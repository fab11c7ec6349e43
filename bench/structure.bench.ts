/**
 * Structure in core on one 100k-row × 15-column shipment sheet: a title block, a header, mixed cell forms
 * (date serials and text dates, text amounts, full-width digits), a few bad cells and subtotal rows.
 * Run: node bin/run-ts.js bench/structure.bench.ts [rows]
 */
import type { Grid, GridValue } from '../src/core/grid';
import { structureWorkbook } from '../src/core/structure';

function buildGrid(n: number): Grid {
  const header = ['序号', '送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '规格型号', '单位', '数量', '含税单价', '金额', '税率', '类别', '备注'];
  const values: GridValue[][] = [['苏州某某精密机械有限公司 2026年出货清单'], ['制表：张三'], [], header];
  const formats: (string | null)[][] = [[], [], [], header.map(() => null)];
  const customers = ['苏州华工精密模具有限公司', '无锡华工汽车部件有限公司', '宁波锐达汽车零部件有限公司', '常州恒泰液压机械有限公司'];
  const classes = ['批量', '材料', '成品', '半成品', '工装'];
  for (let i = 0; i < n; i++) {
    const serial = 46023 + (i % 300);
    const textDate = i % 7 === 0;
    const qty = 10 + (i % 500);
    const price = 1 + (i % 97) / 4;
    values.push([
      i + 1,
      textDate ? `2026年${1 + (i % 12)}月${1 + (i % 28)}日` : serial,
      `DN${String(100000 + i)}`,
      customers[i % customers.length],
      `HT-2026-${String(i % 400).padStart(3, '0')}`,
      `P-${1000 + (i % 3000)}`,
      '导柱',
      'Φ20×120',
      '件',
      i % 1000 === 500 ? 'abc' : i % 11 === 0 ? `${qty}件` : qty,
      i % 13 === 0 ? `¥${price.toFixed(2)}` : price,
      i % 17 === 0 ? `${(qty * price).toFixed(2)}元` : Math.round(qty * price * 100) / 100,
      0.13,
      classes[i % classes.length],
      i % 1000 === 0 ? '加急' : null,
    ]);
    formats.push([null, textDate ? null : 'yyyy-mm-dd', null, null, null, null, null, null, null, null, null, null, '0%', null, null]);
    if (i % 20_000 === 19_999) {
      values.push(['小计', null, null, null, null, null, null, null, null, 12345, null, 999999]);
      formats.push([]);
    }
  }
  return { name: '出货清单', values, formats, merges: [{ top: 1, left: 1, bottom: 1, right: 15 }], hiddenRows: [], hiddenColumns: [], date1904: false };
}

const n = Number(process.argv[2] ?? 100_000);
const grid = buildGrid(n);
// One warm-up on a small sheet so the first figure is not JIT compilation.
structureWorkbook([buildGrid(2_000)], { defaultYear: 2026 });
// Wall time, and CPU time of this process (close to the wall time on an idle machine, steadier on a busy one).
const times: number[] = [];
const cpu: number[] = [];
let result = structureWorkbook([grid], { defaultYear: 2026 });
for (let run = 0; run < 5; run++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  result = structureWorkbook([grid], { defaultYear: 2026 });
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const table = result.tables[0];
console.log(
  `structure ${n.toLocaleString('en')} rows × 15 columns: best ${Math.min(...times).toFixed(0)} ms, runs ${times.map((t) => t.toFixed(0)).join(' / ')} ms (CPU best ${Math.min(...cpu).toFixed(0)} ms); ` +
    `kind ${table?.kind}, ${table?.rows.length.toLocaleString('en')} rows typed, ${result.issues.length} issues`,
);
