// The one formatting module (Node-free): renderer, exports, the closing pack and the CLI all format through it.
export { createFormatter, currencySymbol, EMPTY, NBSP, type Formatter, type FormatOptions, type Spacing } from './formatter';
export { excelNumFmt, formatAxis, formatCell, type ColumnLike } from './column';
export { monthName, weekdayName, yesNo, type Locale, type WordWidth } from './words';
export { toDecimal, type Decimal } from './decimal';
