// vitest setup file: the temporary directories a test file made (projects, embedded databases,
// packed tarballs) go when it ends; vitest's workers may end without an `exit` event.
// @ts-expect-error plain .mjs module of the services tooling
import { removeTempDirs } from '@ductape/services/temp-dir';
import { afterAll } from 'vitest';

afterAll(() => removeTempDirs());
