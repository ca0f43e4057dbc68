import * as en from 'chrono-node/en';
import * as hans from 'chrono-node/zh/hans';
export default async () => { en.parseDate('next friday 3pm'); hans.parseDate('下周五下午3点'); };
