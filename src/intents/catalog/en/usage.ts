// Usage lines and help texts (English). Every key here must exist in zh-CN/usage.ts too.
export const usage = {
  'usage.help': 'Commands: /customer, /log, /tasks, /task, /quote, /crm help. Try `/crm help log`.',
  'usage.customer': 'Usage: `/customer <name>` shows a customer; `/customer add|find|update|import|export …`.',
  'usage.customer.add': 'Usage: `/customer add <name> [tier:A|B|C] [industry:…] [source:expo|website|referral|…] [phone:…] [email:…] [contact:…] [region:…] [size:…] [tags:a,b] [aliases:a,b] [business:…] [address:…] [founded:2015] [first-contact:2026-03-08] [referrer:…] [needs:…] [budget:50万-80万] [decision:…] [title:…] [prefers:wechat] [force]`',
  'usage.customer.find': 'Usage: `/customer find <part of a name, alias or code, a contact’s name or phone>`',
  'usage.customer.update': 'Usage: `/customer update <customer> field:value …` (tier, status, industry, source, phone, email, contact, region, size, tags:a,b / tags:+hot / tags:-cold / tags:, aliases, name (rename), business, address, founded, first-contact, referrer, needs, budget, decision)',
  'usage.customer.import': 'Usage: `/customer import` followed by CSV lines with a header row (客户名称/name, 所属行业/industry, 联系人/contact …), or send the .csv/.xlsx file to the bot; you get a dry run first',
  'usage.log': 'Usage: `/log <customer> [call|visit|email|meeting|wechat|expo]: <what happened> [mood:positive|neutral|hesitant|negative] [next: <next step and when>]`',
  'usage.undo': 'Usage: `/undo <interaction id>` (within the undo window)',
  'usage.tasks': 'Usage: `/tasks` (mine), `/tasks pool` (the shared pool) or `/tasks team` (managers)',
  'usage.task': 'Usage: `/task add <customer> <what> <when>`, `/task done|claim <id>`, `/task snooze <id> <when>`, `/task reassign <id> <person>`',
  'usage.task.done': 'Usage: `/task done <id>`',
  'usage.task.claim': 'Usage: `/task claim <id>`',
  'usage.task.snooze': 'Usage: `/task snooze <id> <when>`, e.g. `/task snooze 12 next monday`',
  'usage.task.reassign': 'Usage: `/task reassign <id> <person>` (managers)',
  'usage.quote': 'Usage: `/quote new …`, `/quote <id>`, `/quote submit|approve <id>`, `/quote reject <id> <reason>`, `/quote edit <id> …`',
  'usage.quote.new': 'Usage: `/quote new <customer> <qty> x <product> @ <unit price>[, …] [discount 12% | 打88折] [currency:USD]`',
  'usage.quote.edit': 'Usage: `/quote edit <id> [<qty> x <product> @ <price>, …] [discount 10%] [currency:CNY]`',
  'usage.quote.id': 'Usage: `/quote submit|approve|show <id>`',
  'usage.quote.reject': 'Usage: `/quote reject <id> <reason>`',
  'usage.crm': 'Usage: `/crm help [topic]`, `/crm whoami`, `/crm language en|zh-CN|auto`, `/crm role <person> rep|manager|admin`, `/crm home`, `/crm team [<setting> <value>]`, `/crm manager <@rep> <@manager>`, `/crm channel digest|approvals [off]` (in the channel)',
  'usage.role': 'Usage: `/crm role <@person | door:id | name> rep|manager|admin` (admins)',

  'help.title': 'What I can do',
  'help.overview':
    'Customers: `/customer Acme`, `/customer find robo`, `/customer add Acme tier:A source:expo`\n' +
    'After a call: `/log Acme call: walked through pricing. next: send proposal Friday 3pm`\n' +
    'Tasks: `/tasks`, `/tasks pool`, `/task done 12`, `/task claim 12`, `/task snooze 12 next monday`\n' +
    'Pool: `/pool`, `/customer claim Acme`, `/customer release Acme`, `/customer assign Acme @mei` (managers)\n' +
    'Quotes: `/quote new Acme 10 x "Pro license" @ 1200 discount 12%`, `/quote submit 7`\n' +
    'You: `/crm whoami`. More: `/crm help customer|log|tasks|quote|role`.',
  'help.customer':
    '`/customer <name>` shows the profile card; `/customer find <text>` searches names, aliases, codes and contacts’ names and phones.\n' +
    '`/customer add <name> tier:A industry:… source:… phone:… email:… contact:…` creates one (a likely duplicate is shown first; add `force` to create anyway).\n' +
    '`/customer update <customer> status:deal tier:B` changes fields; `/customer import` reads a pasted CSV export.\n' +
    'Values with spaces: `industry:"heavy machinery"`. Chinese keys work too: `等级:A 行业:通信 来源:展会`.',
  'help.log':
    '`/log <customer> <channel>: <summary>. next: <next step>`\n' +
    'The customer is the longest known name, alias or code at the start; the start of a name is enough, and when two customers fit you pick one.\n' +
    'Channels: call, visit, email, meeting, wechat, expo; without one, “called”, “emailed”, “visited”, “met” in the summary set it. Mood is read from words like "hesitant" or set with `mood:`.\n' +
    'The next step becomes a task; its date is read in your time zone ("Friday 3pm", "next monday", "EOD", "end of month").\n' +
    'Example: `/log Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm`',
  'help.tasks':
    '`/tasks` lists yours (overdue, today, upcoming); `/tasks pool` lists the shared pool; `/tasks team` the team’s overdue and today’s by rep (managers).\n' +
    '`/task add Acme send the contract Friday 3pm` adds one (a manager may add `@someone` at the end). `/customers` lists your customers, soonest due first; `/quotes waiting` what awaits your approval.\n' +
    '`/task done <id>`, `/task claim <id>` (first one wins), `/task snooze <id> <when>`, `/task reassign <id> <person>` (managers).',
  'help.quote':
    '`/quote new <customer> 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%` drafts a quote (amounts exact to the cent; `$`, `¥`, `USD`, `CNY` set the currency).\n' +
    '`/quote submit <id>` sends it for approval; approvers use the buttons or `/quote approve <id>` / `/quote reject <id> <reason>`.\n' +
    'Nobody approves their own quote; large discounts or totals need an admin.',
  'help.crm':
    '`/crm whoami` shows your role, team, zone and language. `/crm home` is your day. `/crm team` shows the team’s settings (managers change them). `/crm role <person> manager` changes a role (admins).\n' +
    'Replies come in the language you chose (`/crm language zh-CN`), else your Slack or Feishu language, else the one you write in; `/crm language auto` goes back to that.',
  'help.role':
    'Roles: rep (own and pool records), manager (the team, approvals, reassigning), admin (everything, roles).\n' +
    'Admins: `/crm role @someone manager`. First admins come from CRM_ADMINS or `crm user role <door:id or name> admin`.',
};
