import { SCHEMAS } from '../../src/core/tables/schemas';
import { TABLE_KINDS } from '../../src/core/tables/kinds';

/** The README's table of table kinds and their stable field identifiers, made from the schemas (a test keeps it true). */
export function fieldsTable(): string {
  const lines = ['| kind | fields (required in **bold**) | some header words |', '|---|---|---|'];
  for (const kind of TABLE_KINDS) {
    const s = SCHEMAS[kind];
    const fields = s.fields.map((f) => (f.required ? `**${f.field}**` : f.field)).join(', ');
    const words = s.fields.slice(0, 4).map((f) => f.headers[0]).join('、');
    lines.push(`| \`${kind}\` | ${fields} | ${words} |`);
  }
  return lines.join('\n');
}

if (require.main === module) process.stdout.write(`${fieldsTable()}\n`);
