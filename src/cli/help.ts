import type { OptionSpec } from '../core/job-definition';
import { JOBS } from '../core/job-registry';
import { t, type Lang, type MessageKey } from '../core/i18n';
import { kebab } from './args';
import { listFunctions } from './fn-command';

/** `--help`: jobs and their options, all words from the catalogs. */

const width = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const paren = (lang: Lang, s: string): string => (lang === 'zh-CN' ? `（${s}）` : ` (${s})`);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(1, n - width(s)));

function optionLine(lang: Lang, o: OptionSpec): [string, string] {
  const typeKey = `cli.help.type.${o.type}` as MessageKey;
  const flag = o.type === 'boolean' ? `--${kebab(o.name)}` : `--${kebab(o.name)} <${t(lang, typeKey)}>`;
  const notes: string[] = [];
  if (o.choices?.length) notes.push(t(lang, 'cli.help.choices', { choices: o.choices.map((c) => `${c.value}${paren(lang, t(lang, c.label))}`).join(', ') }));
  if (o.default !== undefined && o.type !== 'boolean') notes.push(t(lang, 'cli.help.default', { value: String(o.default) }));
  const text = t(lang, o.label) + (notes.length ? lang === 'zh-CN' ? `；${notes.join('；')}` : `; ${notes.join('; ')}` : '');
  return [flag, text];
}

export function helpText(lang: Lang): string {
  const lines: string[] = [];
  const col = 30;
  lines.push(`${t(lang, 'common.title')} — ${t(lang, 'cli.title')}`, '');
  const colon = lang === 'zh-CN' ? '：' : ':';
  lines.push(`${t(lang, 'cli.help.usage')}${colon}`);
  lines.push(`  ${t(lang, 'cli.help.usageLine')}`);
  lines.push(`  ${t(lang, 'cli.help.fnLine')}`, '');
  lines.push(`${t(lang, 'cli.help.jobs')}${colon}`);
  lines.push(`  ${pad('all', col - 2)}${t(lang, 'cli.help.all')}`);
  for (const job of JOBS) lines.push(`  ${pad(job.id, col - 2)}${t(lang, job.title)}`);
  lines.push('');
  lines.push(`${t(lang, 'cli.help.options')}${colon}`);
  const common: [string, string][] = [
    ['--out <file.xlsx>', t(lang, 'cli.help.out')],
    ['--json <file.json>', t(lang, 'cli.help.json')],
    ['--as-of <YYYY-MM-DD>', t(lang, 'cli.help.asOf')],
    ['--company <名称|name>', t(lang, 'documents.help.company')],
    ['--pdf <file.pdf>', t(lang, 'documents.help.pdf')],
    ['--lang <zh-CN|en-US>', t(lang, 'cli.help.lang')],
    ['--in-place', t(lang, 'cli.help.inPlace')],
    ['--force', t(lang, 'cli.help.force')],
    ['--verbose', t(lang, 'cli.help.verbose')],
    ['--statement <their.xlsx>', t(lang, 'cli.help.statement')],
    ['--help', t(lang, 'cli.help.help')],
  ];
  for (const [f, d] of common) lines.push(`  ${pad(f, col - 2)}${d}`);
  const withOptions = JOBS.filter((j) => j.options.length);
  if (withOptions.length) {
    lines.push('', `${t(lang, 'cli.help.jobOptions')}${colon}`);
    for (const job of withOptions) {
      lines.push(`  ${job.id}${paren(lang, t(lang, job.title))}`);
      for (const o of job.options) {
        const [f, d] = optionLine(lang, o);
        lines.push(`    ${pad(f, col - 4)}${d}`);
      }
    }
  }
  lines.push('', `${t(lang, 'cli.help.functions')}${colon}`);
  for (const f of listFunctions(lang)) lines.push(`  ${pad(f.signature, col - 2)}${f.description}`);
  lines.push('', t(lang, 'cli.help.exit'), '');
  return lines.join('\n');
}
