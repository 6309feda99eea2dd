// The sealed chain: `npm run cli -- verify` recomputes every link, record and issued PDF, and names each act
// that differs after a superuser (who can disable the sealing triggers) tampered with the stored rows.
import { Client } from 'pg';
import { runCli } from '../src/cli';
import { SealedChainService } from '../src/issuing/sealed-chain.service';
import { api, buildWorld, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let w: World;
let siren: string;
let numbers: string[];
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_APP_URL: process.env.DATABASE_APP_URL };

beforeAll(async () => {
  t = await bootTestApp();
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  process.env.DATABASE_APP_URL = process.env.TEST_DATABASE_APP_URL;
  w = await buildWorld(t, { startsAt: '2021-05-20T18:30:00+02:00', convocationDate: '2021-05-12', items: 4 });
  for (const item of w.items) {
    ok(await t.http.post(api(w).vote(item)).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    ok(await t.http.post(`${w.base}/items/${item}/issue`));
  }
  siren = ok(await t.http.get(w.base)).body.siren;
  numbers = await Promise.all(w.items.map(async (id) => ok(await t.http.get(api(w).state(id))).body.item.number));
}, 60000);
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await t.close();
});

async function verify(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(['verify', ...args], (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

/** What only the owner or a superuser can do: change sealed rows with the triggers switched off. */
async function asSuperuser(statements: string | string[]): Promise<void> {
  const runner = t.db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL session_replication_role = replica`);
    for (const statement of [statements].flat()) await runner.query(statement, [w.cid]);
    await runner.commitTransaction();
  } catch (e) {
    await runner.rollbackTransaction();
    throw e;
  } finally {
    await runner.release();
  }
}

/** Tampers as the superuser, checks what `verify` says, then undoes it. */
async function tampered(sql: string | string[], undo: string | string[], check: (r: { code: number; out: string }) => void): Promise<void> {
  await asSuperuser(sql);
  try {
    check(await verify('--collectivity', siren));
  } finally {
    await asSuperuser(undo);
  }
  expect((await verify('--collectivity', siren)).code).toBe(0);
}

describe('verify', () => {
  it('exits 0 on the demo and on an untouched chain', async () => {
    const all = await verify();
    expect(all.out).toMatch(/the chains match/);
    expect(all.code).toBe(0);
    const one = await verify('--collectivity', siren);
    expect(one.out).toMatch(/^4 sealed records in 1 collectivities/m);
  }, 60000);

  it('names the act whose sealed record was changed', async () => {
    await tampered(
      `UPDATE sealed_record SET canonical = replace(canonical, '"POINT 2"', '"POINT 9"') WHERE collectivity_id = $1 AND seq = 2`,
      `UPDATE sealed_record SET canonical = replace(canonical, '"POINT 9"', '"POINT 2"') WHERE collectivity_id = $1 AND seq = 2`,
      ({ code, out }) => {
        expect(code).toBe(1);
        expect(out).toContain(`act ${numbers[1]} (link 2): its sealed record was changed`);
      },
    );
  }, 60000);

  it('names the act whose issued PDF was changed', async () => {
    const flip = `UPDATE issued_act SET pdf = overlay(pdf placing (CASE WHEN get_byte(pdf, 200) = 65 THEN '\\x42' ELSE '\\x41' END)::bytea from 201 for 1)`;
    const [{ b }] = await t.db.query(`SELECT get_byte(pdf, 200) AS b FROM issued_act WHERE collectivity_id = $1 AND item_id = $2`, [w.cid, w.items[2]]);
    await tampered(
      `${flip} WHERE collectivity_id = $1 AND item_id = '${w.items[2]}'`,
      `UPDATE issued_act SET pdf = set_byte(pdf, 200, ${b}) WHERE collectivity_id = $1 AND item_id = '${w.items[2]}'`,
      ({ code, out }) => {
        expect(code).toBe(1);
        expect(out).toContain(`act ${numbers[2]} (link 3): its issued PDF was changed`);
      },
    );
  }, 60000);

  it('finds a removed link', async () => {
    await t.db.query(`CREATE TEMP TABLE IF NOT EXISTS kept_link AS SELECT * FROM sealed_record WITH NO DATA`);
    await t.db.query(`DELETE FROM kept_link`);
    await t.db.query(`INSERT INTO kept_link SELECT * FROM sealed_record WHERE collectivity_id = $1 AND seq = 2`, [w.cid]);
    const [kept] = await t.db.query(`SELECT * FROM kept_link`);
    await tampered(
      `DELETE FROM sealed_record WHERE collectivity_id = $1 AND seq = 2`,
      `INSERT INTO sealed_record (collectivity_id, seq, issued_act_id, item_id, canonical, record_hash, previous_hash, sealed_at)
         VALUES ($1, 2, '${kept.issued_act_id}', '${kept.item_id}', '${String(kept.canonical).replace(/'/g, "''")}', '${kept.record_hash}', '${kept.previous_hash}', '${new Date(kept.sealed_at).toISOString()}')`,
      ({ code, out }) => {
        expect(code).toBe(1);
        expect(out).toContain(`act ${numbers[2]} (link 3): link 2 missing before this one`);
        expect(out).toContain(`act ${numbers[1]}: it is issued but its sealed record is missing from the chain`);
      },
    );
  }, 60000);

  it('finds two links swapped', async () => {
    const move = (from: number, to: number) => `UPDATE sealed_record SET seq = ${to} WHERE collectivity_id = $1 AND seq = ${from}`;
    const swap = [move(2, 1000), move(3, 2), move(1000, 3)];
    await tampered(swap, swap, ({ code, out }) => {
      expect(code).toBe(1);
      expect(out).toContain(`act ${numbers[2]} (link 2): its record was sealed at position 3 and is now at position 2`);
      expect(out).toContain(`act ${numbers[1]} (link 3): its record was sealed at position 2 and is now at position 3`);
    });
  }, 60000);

  it('reads a chain in parts side by side, each from the link before it, and finds the same (two links swapped across parts)', async () => {
    const chains = t.app.get(SealedChainService);
    chains.minPartLinks = 1; // 4 links: parts of one or two links
    const move = (from: number, to: number) => `UPDATE sealed_record SET seq = ${to} WHERE collectivity_id = $1 AND seq = ${from}`;
    const swap = [move(2, 1000), move(3, 2), move(1000, 3)];
    await asSuperuser(swap);
    try {
      const report = ok(await t.http.get(`${w.base}/sealed-chain/verification`)).body;
      expect(report).toEqual(expect.objectContaining({ ok: false, records: 4 }));
      const said = report.problems.map((p: { number: string; seq: number; what: string }) => `act ${p.number} (link ${p.seq}): ${p.what}`);
      expect(said).toEqual(expect.arrayContaining([
        expect.stringContaining(`act ${numbers[2]} (link 2): its record was sealed at position 3 and is now at position 2`),
        expect.stringContaining(`act ${numbers[1]} (link 3): its record was sealed at position 2 and is now at position 3`),
      ]));
    } finally {
      await asSuperuser(swap);
    }
    expect(ok(await t.http.get(`${w.base}/sealed-chain/verification`)).body).toEqual(expect.objectContaining({ ok: true, records: 4, problems: [] }));
    chains.minPartLinks = 2_000;
  }, 60000);

  it('the same report comes from the API', async () => {
    const report = ok(await t.http.get(`${w.base}/sealed-chain/verification`)).body;
    expect(report).toEqual(expect.objectContaining({ ok: true, collectivities: 1, records: 4, problems: [] }));
  });
});

describe('sealed rows refuse UPDATE and DELETE', () => {
  const statements = [
    'UPDATE sealed_record SET canonical = canonical WHERE collectivity_id = $1',
    'DELETE FROM sealed_record WHERE collectivity_id = $1',
    'UPDATE issued_act SET pdf = pdf WHERE collectivity_id = $1',
    'DELETE FROM issued_act WHERE collectivity_id = $1',
    'UPDATE act_signature SET signed_at = now() WHERE collectivity_id = $1',
  ];
  const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM sealed_record WHERE collectivity_id = $1`, [w.cid]))[0].n;

  it.each(statements)("under the application's role, in the act's own collectivity: %s fails", async (sql) => {
    const app = new Client({ connectionString: process.env.TEST_DATABASE_APP_URL });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.collectivity_id', $1, true)`, [w.cid]);
      await expect(app.query(sql, [w.cid])).rejects.toMatchObject({ code: '42501' });
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    expect(await count()).toBe(4);
  });

  it.each(statements.slice(0, 4))('even for the owner while the sealing triggers are on: %s fails', async (sql) => {
    await expect(t.db.query(sql, [w.cid])).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'RG002' }) });
    expect(await count()).toBe(4);
  });
});
