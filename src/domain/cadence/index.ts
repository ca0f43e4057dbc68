export { cadenceStatus, dueForContact, type CadenceEntry } from './status.ts';
export { churnRisks, type ChurnRisk } from './churn.ts';
