// dev-only phase timer (not committed)
import { XlsxHost } from '../src/xlsx/host';
import { runWorkbook } from '../src/core/pipeline';
import { planWrite } from '../src/core/report/write-plan';
import { readState } from '../src/core/state';
import { asIsoDate } from '../src/core/values/brand';
import { writeFileSync } from 'node:fs';
async function main() {
  const [file, job, out] = process.argv.slice(2);
  const t0 = performance.now();
  const host = await XlsxHost.open(file);
  const t1 = performance.now();
  const mem = (l: string) => console.log(l, 'rss', (process.memoryUsage().rss/1048576).toFixed(0), 'heap', (process.memoryUsage().heapUsed/1048576).toFixed(0), 'ext', ((process.memoryUsage().external+process.memoryUsage().arrayBuffers)/1048576).toFixed(0), 'maxrss', (process.resourceUsage().maxRSS/1024).toFixed(0));
  mem('open');
  const { grids, existing } = await host.readWorkbook();
  const t2 = performance.now(); mem('read');
  const output = runWorkbook(grids, { jobs: job === 'all' ? ['structure','quotes','reconcile','receivables','sales','ledgers'] as never : [job as never], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: {} });
  const t3 = performance.now(); mem('jobs');
  const plan = planWrite(existing, readState(grids), output.sheets);
  const t4 = performance.now(); mem('plan');
  let cpu = 0; let best = Infinity;
  for (let k = 0; k < Number(process.env.REPS ?? 0); k++) { const c0 = process.cpuUsage(); const w0 = performance.now(); await host.write(plan); const c = process.cpuUsage(c0); cpu = (c.user + c.system) / 1e6; best = Math.min(best, performance.now() - w0); (host as any).output = null; console.log('write cpu', cpu.toFixed(2), 'wall', ((performance.now()-w0)/1000).toFixed(2)); }
  await host.write(plan);
  const t5 = performance.now(); mem('write');
  const buf = await host.toBuffer();
  if (out) writeFileSync(out, buf);
  const f = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
  console.log(`open ${f(t0,t1)} read ${f(t1,t2)} jobs ${f(t2,t3)} plan ${f(t3,t4)} write ${f(t4,t5)}  rss ${(process.resourceUsage().maxRSS/1024).toFixed(0)} MB  out ${(buf.length/1e6).toFixed(1)} MB`);
}
main();
