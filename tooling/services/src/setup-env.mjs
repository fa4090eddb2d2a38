// vitest `setupFiles` entry: `setupFiles: ['@ductape/services/setup-env']`.
import { loadServicesEnv } from './load-env.mjs';

loadServicesEnv();
