import type { MessageKey } from '../core/i18n';
import { ExcelHost } from '../excel';

/** What this Excel lacks of the requirement sets Clerk Desk uses (from the Office.js host). */
export interface MissingFeature {
  version: string;
  feature: MessageKey;
  required: boolean;
}

/** The Office.js host for the pane (src/excel: the only code that calls Excel.run), and what this Excel lacks. */
export async function createExcelHost(): Promise<{ host: ExcelHost; missing: MissingFeature[] } | null> {
  const host = new ExcelHost();
  return { host, missing: host.missing() };
}
