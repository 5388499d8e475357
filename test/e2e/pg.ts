// A throwaway PostgreSQL database for one test file, on the server named by STORYLINE_TEST_PG.
import pg from "pg";

export const TEST_PG = process.env.STORYLINE_TEST_PG ?? null;

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(prefix: string): Promise<TempDatabase> {
  if (TEST_PG === null) throw new Error("test: STORYLINE_TEST_PG is not set");
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_PG });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
