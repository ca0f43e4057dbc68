// The message catalog's public face: import from here.
export { fieldLabel, hasMessage, label, placeholders, t, type MessageCode, type ParamValue, type Params } from './translate.ts';
export { errorMessage, invalidMessage, usageMessage } from './explain.ts';
export { formatBps, formatInstant, formatMoney } from './format.ts';
