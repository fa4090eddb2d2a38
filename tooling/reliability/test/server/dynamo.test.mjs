import { quickSuite } from '../support/quick-suite.mjs';

quickSuite('dynamo');
