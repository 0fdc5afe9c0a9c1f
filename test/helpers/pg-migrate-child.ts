// A separate process that opens the PostgreSQL store's schema at a given moment and prints the migrations
// it applied: two of these started at once test that migrations run once.
import { PgBridge } from '../../src/store/pg/bridge.ts';
import { migrate } from '../../src/store/pg/schema.ts';

const [url, schema, startAt] = process.argv.slice(2);
const db = new PgBridge(url, { schema });
db.query('SELECT 1');
const wait = Number(startAt) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
const applied = migrate(db);
db.close();
process.stdout.write(JSON.stringify(applied));
