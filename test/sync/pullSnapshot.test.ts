import { it } from 'vitest';
import { pullSnapshotScenario } from './pullSnapshot.js';

it('a push landing while a pull is answered does not make the puller pass a row by (SQLite HQ)', () => pullSnapshotScenario(), 30_000);
