// Entry of the classifier's worker thread: a worker does not inherit the TypeScript loader
// in every host (vitest's workers, plain node), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./classifier-thread.ts');
