/**
 * Task pane entry (one of the three bundles taskpane.html loads as the shared runtime). Renders the pane once
 * office.js is ready; outside Excel it shows where to go instead, and never crashes on missing Office globals.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { t } from '../core/i18n';
import { App } from './App';
import { officeLang, officeReady, isExcel } from './office';
import { createExcelHost } from './excel-host';
import { officeTheme } from './theme';

async function main() {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  const host = await officeReady();
  const lang = officeLang();
  const excel = host === 'Excel' && isExcel() ? await createExcelHost() : null;
  if (!excel) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="info" style={{ margin: 12 }}>
          <MessageBarBody>{t(lang, host === 'Excel' ? 'excel.pane.error.noHost' : 'excel.pane.error.notInExcel')}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }
  root.render(<App host={excel.host} initialLang={lang} hostLabel="Excel" missing={excel.missing} theme={officeTheme()} registerRibbon />);
}

void main();
