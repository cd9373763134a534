/** Funding: the money of projects as funding lines (source, kind, amount in cents, year). */
export {
  type FundingLineDraft,
  headlineAmount,
  insertFundingLines,
  listProjectFundingLines,
  programmeMoney,
} from './funding.service';
export { fundingLines } from './funding.table';
export { formatEuroExactDe } from './money-format';
