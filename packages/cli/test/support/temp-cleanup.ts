// vitest setup file: the temporary directories a test file made (projects, embedded databases,
// packed tarballs) go when it ends; vitest's workers may end without an `exit` event.
import { removeTempDirs } from '@ductape/services/temp-dir';
import { afterAll } from 'vitest';

afterAll(() => removeTempDirs());
