// Dates that point the wrong way: a past time for a plan, a future time for a log.
export const dates = {
  'error.task.snooze_past': 'I read “{text}” as {at}, which has already passed. A snooze needs a time ahead, such as “tomorrow 9am”.',
  'error.interaction.next_step_past':
    'The next step “{text}” is {at}, which has already passed. Give it a time ahead, such as “tomorrow 10am”; to record something that already happened, put the time before the channel: `/log Acme yesterday 3pm call: …`.',
  'error.interaction.occurred_ahead': 'A log records what already happened, and “{text}” is {at}, still ahead. Put plans after `next:`.',
  'notice.interaction.occurred_at': 'Logged as happening {when}.',
};
