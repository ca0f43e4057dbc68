import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { readTable } from '../src/domain/customers/import/read.ts';
import { planImport } from '../src/domain/customers/import/plan.ts';
import { openDatabase } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
const HEADERS = ['客户名称', '所属行业', '企业规模', '所在地区', '客户分级', '客户来源', '首次接触日期', '预算范围', '负责人', '联系人', '职位', '联系方式', '标签'];
const rows = Array.from({ length: 5000 }, (_, i) => [`压测客户${i}号有限公司`, '制造', '50-100人', '江苏苏州', 'A类', '展会', '2026-03-08', '50万-80万', '张主管', `联系人${i}`, '采购经理', `139${String(i).padStart(8, '0')}`, '压测,导入']);
const bytes = new TextEncoder().encode(stringify([HEADERS, ...rows], { bom: true }));
const db = await openDatabase({ memory: true });
await migrate(db.raw);
const team = await db.prisma.team.create({ data: { name: 'x', timeZone: 'Asia/Shanghai', locale: 'zh-CN' } });
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  const table = await readTable(bytes, 'a.csv');
  console.log('read', (performance.now() - t).toFixed(0)); t = performance.now();
  const plan = await planImport(db.prisma as never, team, table);
  console.log('plan', (performance.now() - t).toFixed(0)); t = performance.now();
  await db.prisma.customerImport.create({ data: { teamId: team.id, fileName: 'a', plan: { table: table.rows } as never, createdAt: new Date() } });
  console.log('store', (performance.now() - t).toFixed(0));
}
await db.close();
