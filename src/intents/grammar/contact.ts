// `/contact add|edit|remove|primary <customer> <person> [title:… phone:… email:… prefers:…] [primary]`
// and `/联系人 新增|修改|删除|设为主要 …`. The customer and the person are one text here; the
// dispatcher finds the customer at its start and takes the rest as the person's name.
import { invalidIntent, type Intent } from '../intent.ts';
import { readFields } from './fields.ts';
import { firstWord, trim, unquote, type Src } from './text.ts';
import { lookup } from './vocabulary.ts';

export const CONTACT_SUBS: Record<string, 'add' | 'edit' | 'remove' | 'primary'> = {
  add: 'add', new: 'add', create: 'add', 新增: 'add', 添加: 'add', 新建: 'add',
  edit: 'edit', update: 'edit', set: 'edit', 修改: 'edit', 更新: 'edit', 编辑: 'edit',
  remove: 'remove', delete: 'remove', del: 'remove', 删除: 'remove', 移除: 'remove',
  primary: 'primary', 设为主要: 'primary', 主要: 'primary', 设为主联系人: 'primary',
};

const PRIMARY_RE = /(?:^|\s)(primary|--primary|主要|设为主要|主联系人)\s*$/i;
const CONTACT_FIELDS = new Set(['name', 'title', 'phone', 'email', 'prefers', 'birthday']);

export function parseContact(body: Src): Intent {
  const { word, rest } = firstWord(body);
  const sub = lookup(CONTACT_SUBS, word.f);
  if (!sub) return invalidIntent(word.f ? 'unknown_subcommand' : 'missing_argument', 'usage.contact', word.f ? { subcommand: word.o.slice(0, 50) } : { arg: 'subcommand' });
  let text = rest;
  let primary = sub === 'primary';
  const flag = PRIMARY_RE.exec(text.f);
  if (flag && sub !== 'remove') {
    primary = true;
    text = trim({ o: text.o.slice(0, flag.index), f: text.f.slice(0, flag.index) });
  }
  const read = readFields(text);
  if (!read.ok) return invalidIntent(read.code, 'usage.contact', read.details);
  const other = Object.keys(read.fields).find((k) => !CONTACT_FIELDS.has(k));
  if (other) return invalidIntent('unknown_field', 'usage.contact', { field: other });
  const customerText = unquote(read.head.o).replace(/\s+/g, ' ').trim();
  if (!customerText) return invalidIntent('missing_argument', 'usage.contact', { arg: 'customer' });
  if (customerText.length > 300) return invalidIntent('too_long', 'usage.contact', { max: 300 });
  const f = read.fields;
  const contact = {
    ...(f.name ? { name: f.name } : {}),
    ...(f.title ? { title: f.title } : {}),
    ...(f.phone ? { phone: f.phone } : {}),
    ...(f.email ? { email: f.email } : {}),
    ...(f.prefers ? { preferredChannel: f.prefers } : {}),
    ...(f.birthday ? { birthday: f.birthday } : {}),
  };
  switch (sub) {
    case 'add':
      return { kind: 'contact.add', customerText, contact, primary };
    case 'edit':
      if (!Object.keys(contact).length && !primary) return invalidIntent('missing_argument', 'usage.contact', { arg: 'fields' });
      return { kind: 'contact.edit', customerText, contact, primary };
    case 'remove':
      return { kind: 'contact.remove', customerText };
    case 'primary':
      return { kind: 'contact.primary', customerText };
  }
}
