// When the CRM cannot take a request right now: nothing was changed, and the person should retry.
export const reliability = {
  'error.busy': 'I’m handling a lot of requests right now; nothing was changed. Please try again in a moment.',
  'error.unavailable': 'I can’t reach the CRM’s database right now; nothing was changed. Please try again in a moment.',
  'error.stopping': 'I’m restarting; nothing was changed. Please try again in a moment.',
  'error.unsure': 'The CRM’s database stopped answering just as I was saving this. If it was saved, its answer follows once the database is back; if none comes in a few minutes, please try again.',
};
