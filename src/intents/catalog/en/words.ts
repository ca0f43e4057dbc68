// Choosing the customer of a /log, the reader's language, console chrome (English).
export const words = {
  'title.log.choose': 'Which customer?',
  'text.log.choose': '“{query}” fits {count} customers. Pick one and the interaction is logged for it.',
  'button.customer_choice': '{name} ({code})',
};
