/// <reference types="office-js" />
/**
 * The pane follows Office's theme: Office.context.officeTheme gives the colours Office itself uses; a dark body
 * background means the dark theme (Excel's "Black" and "Dark Gray"). Outside Office: light, unless asked.
 */
import { hasOffice } from './office';

export type PaneTheme = 'light' | 'dark';

/** Relative luminance of a #rrggbb colour (sRGB), 0 black … 1 white; null when it is not one. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

export const themeFor = (bodyBackground: string | undefined | null): PaneTheme => ((luminance(bodyBackground) ?? 1) < 0.2 ? 'dark' : 'light');

/** The theme of the Office around the pane (Office.context.officeTheme, ExcelApi 1.x desktop and web). */
export function officeTheme(): PaneTheme {
  try {
    return hasOffice() ? themeFor(Office.context?.officeTheme?.bodyBackgroundColor) : 'light';
  } catch {
    return 'light';
  }
}
