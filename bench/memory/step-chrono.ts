import * as chrono from 'chrono-node';
export default async () => { chrono.en.parseDate('next friday 3pm'); chrono.zh.hans.parseDate('下周五下午3点'); };
