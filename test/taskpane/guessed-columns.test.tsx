/**
 * Confidence that means something: a sheet read with guessed columns says so in the pane's sheet list, naming each
 * guessed column by its letter and the header text she wrote, so the clerk knows what to check.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetList } from '../../src/taskpane/components/SheetList';
import { LangContext } from '../../src/taskpane/i18n';
import { structureWorkbook } from '../../src/core/structure';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';

/** An ERP export whose customer column is headed 客户简称 beside a code column 订单客户 (the customer is a guess). */
const grid: Grid = {
  name: '出货',
  values: [
    ['出货日期', '订单客户', '客户简称', '料件编号', '出货数量', '金额'],
    ['2026-03-05', '01000122', '荆门亿纬创能锂电池有限公司', '183213-C22', 20, 23400],
    ['2026-03-06', '01000172', '蜂巢能源科技股份有限公司', '802-02-00144', 10, 7500],
    ['2026-03-07', '01000172', '蜂巢能源科技股份有限公司', '802-02-00145', 1, 75],
  ],
  formats: [],
  merges: [],
  hiddenRows: [],
} as unknown as Grid;

function render(lang: Lang): string {
  const detection = structureWorkbook([grid]).detections[0];
  return renderToStaticMarkup(
    <LangContext.Provider value={{ lang, setLang: () => undefined }}>
      <FluentProvider theme={webLightTheme}>
        <SheetList sheets={[{ detection, headers: grid.values[0] as string[] }]} busy={false} onSaveOverride={async () => undefined} />
      </FluentProvider>
    </LangContext.Provider>,
  );
}

test('the sheet list names each guessed column with its letter and header text, in Chinese and in English', () => {
  const zh = render('zh-CN');
  expect(zh).toContain('data-testid="sheet-guessed"');
  expect(zh).toContain('猜测的列，请核对：');
  expect(zh).toContain('C 列「客户简称」作为');
  const en = render('en-US');
  expect(en).toContain('Guessed columns, please check: ');
  expect(en).toContain('column C &quot;客户简称&quot; as');
});
