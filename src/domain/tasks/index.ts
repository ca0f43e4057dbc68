export { myTasks, poolTasks, getTask, type TaskView } from './list.ts';
export { claimTask } from './claim.ts';
export { completeTask } from './complete.ts';
export { snoozeTask } from './snooze.ts';
export { reassignTask } from './reassign.ts';
