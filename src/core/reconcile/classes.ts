/** The classes every reconciled line ends in, exactly one each. Codes are indexes (the matcher keeps them in a Uint8Array). */

export const CLASSES = ['matched', 'amount-diff', 'qty-diff', 'only-ours', 'only-theirs', 'in-transit', 'duplicate', 'possible', 'prior-period'] as const;
export type ReconClass = (typeof CLASSES)[number];

export const C_MATCHED = 0;
export const C_AMOUNT_DIFF = 1;
export const C_QTY_DIFF = 2;
export const C_ONLY_OURS = 3;
export const C_ONLY_THEIRS = 4;
export const C_IN_TRANSIT = 5;
export const C_DUPLICATE = 6;
export const C_POSSIBLE = 7;
/** A timing difference (上期发货、本期入账): their line of this period is our shipment of an earlier period. Set after the matcher, never by it. */
export const C_PRIOR_PERIOD = 8;
/** Not yet classed (never left in a finished result). */
export const UNCLASSED = 255;

/** Which pass put a group together (for the sheets and the docs). */
export const PASSES = ['document', 'document-sum', 'document-diff', 'window', 'window-sum', 'amount', 'none'] as const;
export type MatchPass = (typeof PASSES)[number];
export const P_DOCUMENT = 0;
export const P_DOCUMENT_SUM = 1;
export const P_DOCUMENT_DIFF = 2;
export const P_WINDOW = 3;
export const P_WINDOW_SUM = 4;
export const P_AMOUNT = 5;
export const P_NONE = 6;
