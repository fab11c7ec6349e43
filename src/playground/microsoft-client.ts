import type { ExcelRun } from '../excel';
import type { IsSetSupported } from '../excel/requirements';
import type { SimExcel } from '../office-sim';
import { attachExcelClient, type ExcelClient } from '../office-wire/client';
import { WireExcel } from '../office-wire/wire';
import officeJsPackage from '@microsoft/office-js/package.json';

/**
 * The playground's "Office.js (Microsoft client)" host: Microsoft's own Excel client library (@microsoft/office-js,
 * Excel on the web's debug build, copied into the playground build) talking to the wire emulator over the
 * simulated workbook (test/office-wire). The script is loaded the first time this host runs a batch.
 */
const SCRIPT = 'office-js/excel-web-16.00.debug.js';
let loading: Promise<ExcelClient> | null = null;

function loadClient(): Promise<ExcelClient> {
  loading ??= new Promise<ExcelClient>((resolve, reject) => {
    const el = document.createElement('script');
    el.src = SCRIPT;
    el.onload = () => {
      try {
        resolve(attachExcelClient(window, 'excel-web-16.00', officeJsPackage.version));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    el.onerror = () => {
      loading = null;
      reject(new Error(`${SCRIPT} could not be loaded`));
    };
    document.head.appendChild(el);
  });
  return loading;
}

/** Excel.run of Microsoft's client, answered by the emulator over this simulated workbook. */
export function viaMicrosoftClient(sim: SimExcel): { run: ExcelRun; isSetSupported: IsSetSupported } {
  let wire: WireExcel | null = null;
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const client = await loadClient();
    wire ??= new WireExcel(sim, client);
    return wire.run(batch as (context: unknown) => Promise<T>);
  };
  return { run, isSetSupported: sim.isSetSupported };
}
