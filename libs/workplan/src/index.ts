export * from './lib/types';
export { parseWorkplan, MAX_WORKPLAN_BYTES } from './lib/parse-workplan';
export { writeBackIds } from './lib/write-back-ids';
export { contentHash } from './lib/content-hash';
export { formatWorkplanProblem } from './lib/workplan-problem';
export {
  isTaskPriority,
  isTaskStatus,
  isWorkplanStatus,
  resolvePriority,
  resolveTaskStatus,
  resolveWorkplanStatus,
} from './lib/vocabulary';
