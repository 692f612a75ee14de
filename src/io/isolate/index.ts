export { closeWorkers, parseIsolated, DEFAULT_MAX_HEAP_MB, DEFAULT_TIMEOUT_MS, type IsolateOptions } from "./pool";
