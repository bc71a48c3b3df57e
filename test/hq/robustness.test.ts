import { describeRobustness } from './robustness.js';
import { startTestHq } from '../sync/support.js';

describeRobustness('SQLite', () => startTestHq());
