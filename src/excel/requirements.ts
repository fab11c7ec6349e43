import type { MessageKey } from '../core/i18n';

/**
 * Requirement sets the host uses, checked with Office.context.requirements.isSetSupported('ExcelApi', v).
 * ExcelApi 1.7 is the minimum (getRangeByIndexes for row blocks, Range.hyperlink, freezePanes, chart series);
 * below it the host refuses clearly. The rest are optional and degrade as described.
 */

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface Requirement {
  version: string;
  feature: MessageKey;
  required: boolean;
}

export const MINIMUM_EXCEL_API = '1.7';

export const REQUIREMENTS: readonly Requirement[] = [
  { version: '1.7', feature: 'excel.host.feature.rangeByIndexes', required: true },
  { version: '1.6', feature: 'excel.host.feature.calcSuspend', required: false },
  { version: '1.9', feature: 'excel.host.feature.screenSuspend', required: false },
  { version: '1.9', feature: 'excel.host.feature.visibleCells', required: false },
  { version: '1.9', feature: 'excel.host.feature.pageLayout', required: false },
  { version: '1.13', feature: 'excel.host.feature.mergedAreas', required: false },
];

/** What this Excel lacks of what Clerk Desk uses, required first. Empty when everything is there. */
export function missingRequirements(isSetSupported: IsSetSupported): Requirement[] {
  return REQUIREMENTS.filter((r) => !isSetSupported('ExcelApi', r.version)).sort((a, b) => Number(b.required) - Number(a.required));
}

export interface Capabilities {
  minimum: boolean;
  calcSuspend: boolean;
  screenSuspend: boolean;
  /** getSpecialCells('Visible'), ExcelApi 1.9: hidden rows/columns in one request. */
  specialCells: boolean;
  mergedAreas: boolean;
  /** worksheet.pageLayout, ExcelApi 1.9: A4, fit to width, print titles, header and footer. */
  pageLayout: boolean;
}

export function capabilities(isSetSupported: IsSetSupported): Capabilities {
  const has = (v: string) => isSetSupported('ExcelApi', v);
  return { minimum: has('1.7'), calcSuspend: has('1.6'), screenSuspend: has('1.9'), specialCells: has('1.9'), mergedAreas: has('1.13'), pageLayout: has('1.9') };
}

interface OfficeGlobal {
  context?: { requirements?: { isSetSupported?: IsSetSupported } };
}

/** Office.context.requirements.isSetSupported when running inside Office, else null. */
export function officeIsSetSupported(): IsSetSupported | null {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const req = office?.context?.requirements;
  if (!req || typeof req.isSetSupported !== 'function') return null;
  return (name, version) => Boolean(req.isSetSupported?.(name, version));
}
