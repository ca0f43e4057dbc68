// Customer files in chat (issue 10): uploads to the bot and exports to a direct message, English.
export const files = {
  'usage.customer.export': 'Usage: `/customer export` (CSV) or `/customer export xlsx`; the file comes to your direct messages',
  'label.field.format': 'file format',
  'label.hint.format': ' Use `csv` or `xlsx`.',
  'error.import.file_type': 'I can’t import “{file}”: send a `.csv`, `.tsv`, `.txt` or `.xlsx` file.',
  'error.import.download_failed': 'I couldn’t fetch “{file}” from the chat; nothing was imported. Please send it again.',
  'title.export.done': 'Exported {customers} customers',
  'text.export.sent': 'Sent you {file}.',
  'title.export.file': 'Customer export: {file}',
  'text.export.file': '{customers} customers in {rows} rows. Send this file back to me to import it into another team or an empty CRM.',
};
