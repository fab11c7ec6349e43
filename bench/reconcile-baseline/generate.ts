import type { MatchLine } from '../../src/core/reconcile/match';

/**
 * A month of lines for one counterparty, deterministic: 80% carry our number on their side (送…), 10% only agree on
 * part, quantity and a date a day or two later, 4% differ in quantity on the same note, 2% are split in two on our
 * side, 4% are theirs alone; plus a few duplicates. Strings go through JSON so they are flat, as a reader makes them;
 * repeated part numbers are then one string each, as from the workbook's shared-string table.
 */
export function generate(n: number): { ours: MatchLine[]; theirs: MatchLine[] } {
  let seed = 20261031;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const parts = Array.from({ length: 5000 }, (_, i) => `HG-${String(1000 + i)}`);
  const dates = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
  const ours: MatchLine[] = [];
  const theirs: MatchLine[] = [];
  for (let i = 0; ours.length < n; i++) {
    const part = parts[Math.floor(rnd() * parts.length)];
    const qty = 1 + Math.floor(rnd() * 500);
    const price = 100 + Math.floor(rnd() * 10000);
    const di = Math.floor(rnd() * 31);
    const dn = `DN-${String(i).padStart(7, '0')}`;
    const r = rnd();
    const later = dates[Math.min(30, di + 1 + Math.floor(rnd() * 2))];
    if (r < 0.02 && qty > 1 && ours.length + 2 <= n) {
      const a = Math.floor(qty / 2);
      ours.push({ doc: dn, part, qty: a, amount: a * price, date: dates[di] });
      ours.push({ doc: dn, part, qty: qty - a, amount: (qty - a) * price, date: dates[di] });
      theirs.push({ doc: `RK${i}`, part, qty, amount: qty * price, date: later });
      continue;
    }
    ours.push({ doc: dn, part, qty, amount: qty * price, date: dates[di] });
    if (r < 0.82) theirs.push({ doc: `送${String(i).padStart(7, '0')}`, part, qty, amount: qty * price, date: later });
    else if (r < 0.92) theirs.push({ doc: `RK${i}`, part, qty, amount: qty * price, date: later });
    else if (r < 0.96) theirs.push({ doc: String(i), part, qty: qty - 1, amount: (qty - 1) * price, date: dates[di] });
    else if (r < 0.999) theirs.push({ doc: `X${i}`, part: parts[(i * 7) % parts.length], qty: 3, amount: 999 + i, date: dates[di] });
    else {
      theirs.push({ doc: `送${String(i).padStart(7, '0')}`, part, qty, amount: qty * price, date: later });
      theirs.push({ doc: `送${String(i).padStart(7, '0')}`, part, qty, amount: qty * price, date: later });
    }
  }
  while (theirs.length > n) theirs.pop();
  const out = JSON.parse(JSON.stringify({ ours, theirs })) as { ours: MatchLine[]; theirs: MatchLine[] };
  // A workbook keeps repeated text once (sharedStrings.xml), so a reader hands out one string per distinct part.
  const shared = new Map<string, string>();
  for (const side of [out.ours, out.theirs]) {
    for (const l of side) {
      if (l.part === undefined) continue;
      const s = shared.get(l.part);
      if (s === undefined) shared.set(l.part, l.part);
      else l.part = s;
    }
  }
  return out;
}
