import { quickSuite } from '../support/quick-suite.mjs';

// Embedded PGlite: the whole quick suite without a server.
quickSuite('pglite');
