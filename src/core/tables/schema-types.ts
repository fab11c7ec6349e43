/** The vocabulary of a typed-table schema. */

export type FieldType =
  | 'text' // free text (names, remarks)
  | 'code' // an identifier: part code, document number; kept as text, never as a number (leading zeros matter)
  | 'money' // → Fen
  | 'price' // → PriceFen: a unit price, kept to fractions of a fen
  | 'quantity' // → number
  | 'integer' // → whole number (days, line numbers)
  | 'date' // → IsoDate
  | 'rate' // → Rate (fraction)
  | 'enum' // → one of the schema's options
  | 'boolean'; // → true/false (是/否, 含税/不含税)

export interface EnumOption {
  value: string;
  /** Words a clerk writes for this option (normalised before matching). */
  words: string[];
}

export interface FieldSchema {
  /** Stable English identifier; appears in JSON and the README. */
  field: string;
  type: FieldType;
  required?: boolean;
  /** Header words, Chinese and English. Normalised (NFKC, no spaces/units) before matching. */
  headers: string[];
  /**
   * Header words that name this field only when a column with a stronger claim on them is there too
   * (金额 is the net amount on an invoice list that also has 价税合计). They score just below `headers`.
   */
  weakHeaders?: string[];
  /** For `enum` fields. */
  options?: EnumOption[];
  /** Money and quantities: may the value be negative? (default true) */
  allowNegative?: boolean;
  /** This field, with the others flagged `key`, should be unique within the table. */
  key?: boolean;
}

export interface KindSchema {
  kind: string;
  /** Words in a sheet name or title block that point at this kind (对账单, 出货, 发票 …). */
  titleWords: string[];
  fields: FieldSchema[];
}
