export { quotesJob, toleranceOption } from './job';
export { checkQuotes, comparePrices, lineStatus, RULES, SEVERITY, RATES_IN_FORCE, DEFAULT_TOLERANCE } from './rules';
export type { RuleCode, RuleHit, LineCheck, QuoteCheck, PriceComparison } from './rules';
export { quotesJson, quotesSheet, quotesFindings, LINES_TABLE, RULES_TABLE } from './report';
export type { QuotesSection } from './report';
export { quotePrice, quotePriceLookup, quotePriceReasonKey } from './quote-price';
export type { QuotePriceResult, QuotePriceFailure, QuotePriceLookup } from './quote-price';
export { pickTier, chooseQuote, pricesOf } from './link';
