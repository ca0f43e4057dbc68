// 客户文件（issue 10）：在聊天里把表格发给机器人导入，导出的文件发到私聊。
export const files = {
  'usage.customer.export': '用法：`/客户 导出`（CSV）或 `/客户 导出 xlsx`，文件会发到你的私聊',
  'label.field.format': '文件格式',
  'label.hint.format': '可选 `csv` 或 `xlsx`。',
  'error.import.file_type': '无法导入「{file}」：请发送 `.csv`、`.tsv`、`.txt` 或 `.xlsx` 文件。',
  'error.import.download_failed': '没能从聊天中取到「{file}」，没有导入任何数据。请重新发送一次。',
  'title.export.done': '已导出 {customers} 个客户',
  'text.export.sent': '已把「{file}」发给你。',
  'title.export.file': '客户导出：{file}',
  'text.export.file': '共 {customers} 个客户，{rows} 行。把这个文件发回给我，就能导入到其他团队或新的 CRM。',
};
