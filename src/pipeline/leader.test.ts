// The clusterer lock on PostgreSQL: runs when STORYLINE_TEST_PG names a server (see test/e2e/pg.ts).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { createTempDatabase, TEST_PG, type TempDatabase } from "../../test/e2e/pg.ts";
import { leadership } from "./leader.ts";

const skip = TEST_PG === null ? "STORYLINE_TEST_PG is not set: lock cases skipped" : false;
let db: TempDatabase;
before(async () => {
  if (!skip) db = await createTempDatabase("storyline_leader");
});
after(async () => {
  if (!skip) await db.drop();
});

test("a lock whose session was cut is no longer held, and another worker takes it", {
  skip,
}, async () => {
  const signal = new AbortController().signal;
  const first = leadership(db.url);
  const second = leadership(db.url);
  try {
    assert.ok(await first.acquire(signal));
    assert.ok(await first.confirm());
    // The server ends the session holding the lock, as when the link to it is lost.
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await admin.end();
    assert.equal(await first.confirm(), false);
    assert.equal(first.held(), false);
    assert.ok(await second.acquire(signal));
  } finally {
    await first.release();
    await second.release();
  }
});
