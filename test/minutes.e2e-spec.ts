// The procès-verbal (L2121-15): debates written during and after the session, adopted at a later open session
// of the same body, then sealed (in the database too) but for its publication date, set once.
import type { Response } from 'supertest';
import { api, buildWorld, createMember, createSession, expectError, fingerprint, ok, transition, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const paths = (w: World, sid = w.sessionId) => ({
  minutes: `${w.base}/sessions/${sid}/minutes`,
  debates: (iid: string) => `${w.base}/sessions/${sid}/minutes/debates/${iid}`,
  adoption: `${w.base}/sessions/${sid}/minutes/adoption`,
  publication: `${w.base}/sessions/${sid}/minutes/publication`,
});
const minutesOf = async (w: World, sid = w.sessionId) => ok(await t.http.get(paths(w, sid).minutes)).body;

/** A session of the world's body (or another), opened; its president is the world's. */
async function sessionAt(w: World, startsAt: string, opts: { open?: boolean; bodyId?: string; presidentId?: string } = {}): Promise<string> {
  const s = await createSession({ ...w, bodyId: opts.bodyId ?? w.bodyId }, startsAt, { presidentId: opts.presidentId ?? w.m[0] });
  if (opts.open ?? true) for (const to of ['convened', 'open']) await transition(w, s.id, to);
  return s.id;
}

async function refused(w: World, send: () => PromiseLike<Response>, status: number, code: string, message?: RegExp): Promise<Response> {
  const before = await fingerprint(t, w.cid);
  const res = await send();
  expectError(res, status, code, message);
  expect(await fingerprint(t, w.cid)).toEqual(before);
  return res;
}

const sqlError = (sql: string, params: unknown[]) =>
  t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => e.driverError ?? { code: 'unknown' });

describe('debates of the procès-verbal', () => {
  it('are written while the session sits, stay editable after it is closed, and carry the version', async () => {
    const w = await buildWorld(t);
    const p = paths(w);
    const blank = await minutesOf(w);
    expect(blank).toMatchObject({ status: 'draft', version: 1, adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, publicationDue: null });
    expect(blank.items.map((i: { itemId: string; textMd: string }) => [i.itemId, i.textMd])).toEqual(w.items.map((id) => [id, '']));

    const first = ok(await t.http.put(p.debates(w.items[0])).send({ version: 1, textMd: 'M. NOM002 demande le coût **total**.' })).body;
    expect(first.version).toBe(2);
    expect(first.items[0].textMd).toBe('M. NOM002 demande le coût **total**.');
    await refused(w, () => t.http.put(p.debates(w.items[1])).send({ version: 1, textMd: 'écrasé ?' }), 409, 'CONFLICT_STALE_VERSION', /version 2, you sent 1/);

    await transition(w, w.sessionId, 'closed');
    ok(await t.http.put(p.debates(w.items[1])).send({ version: 2, textMd: 'Aucune observation.' }));
    const edited = ok(await t.http.put(p.debates(w.items[0])).send({ version: 3, textMd: 'Texte corrigé après la séance.' })).body;
    expect(edited.items.map((i: { textMd: string }) => i.textMd)).toEqual(['Texte corrigé après la séance.', 'Aucune observation.', '']);
    const cleared = ok(await t.http.put(p.debates(w.items[1])).send({ version: 4, textMd: '  ' })).body;
    expect([cleared.version, cleared.items[1].textMd]).toEqual([5, '']);
    // The trigger lets a draft change after the close (the item row itself stays sealed).
    expect(await sqlError(`UPDATE minutes_debate SET text_md = 'par SQL' WHERE item_id = $1`, [w.items[0]])).toBeNull();
    expect((await sqlError(`UPDATE item SET object = 'AUTRE' WHERE id = $1`, [w.items[0]]))?.code).toBe('RG001');
  });

  it('are refused before the session opens, for an item of another session, over 100,000 characters, and across collectivities', async () => {
    const planned = await buildWorld(t, { open: false });
    await refused(planned, () => t.http.put(paths(planned).debates(planned.items[0])).send({ version: 1, textMd: 'trop tôt' }), 409, 'SESSION_NOT_OPEN', /once it has opened/);
    const w = await buildWorld(t);
    await refused(w, () => t.http.put(paths(w).debates(planned.items[0])).send({ version: 1, textMd: 'x' }), 404, 'NOT_FOUND', /not on the agenda/);
    await refused(w, () => t.http.put(paths(w).debates(w.items[0])).send({ version: 1, textMd: 'x'.repeat(100_001) }), 400, 'VALIDATION_FAILED', /textMd/);
    await refused(w, () => t.http.put(paths(w).debates(w.items[0])).send({ textMd: 'sans version' }), 400, 'VALIDATION_FAILED', /version/);
    expectError(await t.http.get(`${w.base}/sessions/${planned.sessionId}/minutes`), 404, 'NOT_FOUND');
    await refused(w, () => t.http.put(`${w.base}/sessions/${planned.sessionId}/minutes/debates/${planned.items[0]}`).send({ version: 1, textMd: 'x' }), 404, 'NOT_FOUND');
    ok(await t.http.put(paths(w).debates(w.items[0])).send({ version: 1, textMd: 'x'.repeat(100_000) }));
  });
});

describe('adoption (L2121-15: at the next session)', () => {
  it('only of a closed session, at a later open session of the same body', async () => {
    const w = await buildWorld(t, { startsAt: '2024-03-11T18:30:00+01:00' });
    const p = paths(w);
    ok(await t.http.put(p.debates(w.items[0])).send({ version: 1, textMd: 'Débat.' }));
    const later = await sessionAt(w, '2024-03-25T18:30:00+01:00', { open: false });
    const adopt = (adoptedAtSessionId: string, version = 2) => () => t.http.post(p.adoption).send({ adoptedAtSessionId, version });
    await refused(w, adopt(later), 422, 'MINUTES_ADOPTION_INVALID', /once it is closed/);

    await transition(w, w.sessionId, 'closed');
    await refused(w, adopt(later), 422, 'MINUTES_ADOPTION_INVALID', /adopting session is planned/);
    await refused(w, adopt(w.sessionId), 422, 'MINUTES_ADOPTION_INVALID', /later session, not at its own/);
    const earlier = await sessionAt(w, '2024-02-26T18:30:00+01:00');
    await refused(w, adopt(earlier), 422, 'MINUTES_ADOPTION_INVALID', /later than the session/);
    const bureau = ok(await t.http.post(`${w.base}/bodies`).send({ kind: 'bureau', name: 'Bureau', ruleProfile: 'commune' })).body;
    const bureauPresident = await createMember(t, w.cid, 77, [{ bodyId: bureau.id, seat: 'titulaire', startDate: '2020-01-01' }]);
    const otherBody = await sessionAt(w, '2024-03-18T18:30:00+01:00', { bodyId: bureau.id, presidentId: bureauPresident });
    await refused(w, adopt(otherBody), 422, 'MINUTES_ADOPTION_INVALID', /same body/);
    const foreign = await buildWorld(t);
    await refused(w, adopt(foreign.sessionId), 404, 'NOT_FOUND');

    for (const to of ['convened', 'open']) await transition(w, later, to);
    await refused(w, adopt(later, 1), 409, 'CONFLICT_STALE_VERSION');
    const adopted = ok(await t.http.post(p.adoption).send({ adoptedAtSessionId: later, version: 2 })).body;
    expect(adopted).toMatchObject({ status: 'adopted', version: 3, adoptedAtSessionId: later, adoptedOn: '2024-03-25', publicationDue: '2024-04-01', publishedOn: null });
    await refused(w, adopt(later, 3), 409, 'MINUTES_SEALED', /already adopted/);
  });

  it('seals the debates: refused through the API and, by SQL, by the trigger', async () => {
    const w = await buildWorld(t);
    const p = paths(w);
    ok(await t.http.put(p.debates(w.items[0])).send({ version: 1, textMd: 'Débat adopté.' }));
    await transition(w, w.sessionId, 'closed');
    const later = await sessionAt(w, '2024-04-08T18:30:00+02:00');
    ok(await t.http.post(p.adoption).send({ adoptedAtSessionId: later, version: 2 }));
    await refused(w, () => t.http.put(p.debates(w.items[0])).send({ version: 3, textMd: 'Réécrit.' }), 409, 'MINUTES_SEALED', /adopted/);
    await refused(w, () => t.http.put(p.debates(w.items[1])).send({ version: 3, textMd: 'Ajouté.' }), 409, 'MINUTES_SEALED');

    const before = await fingerprint(t, w.cid);
    const [m] = await t.db.query(`SELECT id FROM minutes WHERE session_id = $1`, [w.sessionId]);
    const attempts: [string, string, unknown[]][] = [
      ['edit a debate', `UPDATE minutes_debate SET text_md = 'Réécrit' WHERE minutes_id = $1`, [m.id]],
      ['add a debate', `INSERT INTO minutes_debate (collectivity_id, minutes_id, item_id, text_md) VALUES ($1, $2, $3, 'Ajouté')`, [w.cid, m.id, w.items[1]]],
      ['delete a debate', `DELETE FROM minutes_debate WHERE minutes_id = $1`, [m.id]],
      ['back to draft', `UPDATE minutes SET status = 'draft', adopted_at_session_id = NULL, adopted_on = NULL WHERE id = $1`, [m.id]],
      ['another adoption date', `UPDATE minutes SET adopted_on = adopted_on + 1 WHERE id = $1`, [m.id]],
      ['a bare version bump', `UPDATE minutes SET version = version + 1 WHERE id = $1`, [m.id]],
      ['delete the minutes', `DELETE FROM minutes WHERE id = $1`, [m.id]],
    ];
    for (const [what, sql, params] of attempts) expect({ what, code: (await sqlError(sql, params))?.code }).toEqual({ what, code: 'RG002' });
    expect(await fingerprint(t, w.cid)).toEqual(before);
  });

  it('is refused by the database when it breaks the rules, and debates must be of the session', async () => {
    const w = await buildWorld(t, { startsAt: '2024-05-13T18:30:00+02:00' });
    ok(await t.http.put(paths(w).debates(w.items[0])).send({ version: 1, textMd: 'Débat.' }));
    await transition(w, w.sessionId, 'closed');
    const earlier = await sessionAt(w, '2024-05-06T18:30:00+02:00');
    const other = await buildWorld(t);
    const [m] = await t.db.query(`SELECT id FROM minutes WHERE session_id = $1`, [w.sessionId]);
    const before = await fingerprint(t, w.cid);
    const adopt = await sqlError(`UPDATE minutes SET status = 'adopted', adopted_at_session_id = $2, adopted_on = '2024-05-06' WHERE id = $1`, [m.id, earlier]);
    expect(adopt).toMatchObject({ code: '23514', constraint: 'minutes_adoption_session_check' });
    const foreignItem = await sqlError(`INSERT INTO minutes_debate (collectivity_id, minutes_id, item_id, text_md) VALUES ($1, $2, $3, 'x')`, [w.cid, m.id, other.items[0]]);
    // The trigger answers before the composite tenant key would (23503): the item is not of this session either way.
    expect(foreignItem).toMatchObject({ code: '23514', constraint: 'minutes_debate_item_session_check' });
    const earlierItem = ok(await t.http.post(`${w.base}/sessions/${earlier}/items`).send({ object: 'AUTRE SÉANCE' })).body.id;
    const otherSession = await sqlError(`INSERT INTO minutes_debate (collectivity_id, minutes_id, item_id, text_md) VALUES ($1, $2, $3, 'x')`, [w.cid, m.id, earlierItem]);
    expect(otherSession).toMatchObject({ code: '23514', constraint: 'minutes_debate_item_session_check' });
    const after = await fingerprint(t, w.cid);
    expect([after.minutes, after.minutes_debate]).toEqual([before.minutes, before.minutes_debate]);
  });
});

describe('publication (L2121-15: within the week)', () => {
  it('is set once, after adoption, never dated before it', async () => {
    const w = await buildWorld(t, { startsAt: '2024-06-03T18:30:00+02:00' });
    const p = paths(w);
    await refused(w, () => t.http.post(p.publication).send({ version: 1, publishedOn: '2024-06-20' }), 409, 'MINUTES_NOT_ADOPTED', /not adopted/);
    await transition(w, w.sessionId, 'closed');
    const later = await sessionAt(w, '2024-06-17T18:30:00+02:00');
    ok(await t.http.post(p.adoption).send({ adoptedAtSessionId: later, version: 1 }));
    await refused(w, () => t.http.post(p.publication).send({ version: 2, publishedOn: '2024-06-16' }), 400, 'VALIDATION_FAILED', /publishedOn 2024-06-16 is before the adoption of 2024-06-17/);
    await refused(w, () => t.http.post(p.publication).send({ version: 1, publishedOn: '2024-06-20' }), 409, 'CONFLICT_STALE_VERSION');
    await refused(w, () => t.http.post(p.publication).send({ version: 2, publishedOn: '20-06-2024' }), 400, 'VALIDATION_FAILED', /publishedOn/);
    const published = ok(await t.http.post(p.publication).send({ version: 2, publishedOn: '2024-06-20' })).body;
    expect(published).toMatchObject({ status: 'adopted', version: 3, adoptedOn: '2024-06-17', publishedOn: '2024-06-20', publicationDue: '2024-06-24' });
    await refused(w, () => t.http.post(p.publication).send({ version: 3, publishedOn: '2024-06-21' }), 409, 'MINUTES_SEALED', /published on 2024-06-20/);
    const [m] = await t.db.query(`SELECT id FROM minutes WHERE session_id = $1`, [w.sessionId]);
    expect((await sqlError(`UPDATE minutes SET published_on = '2024-06-21' WHERE id = $1`, [m.id]))?.code).toBe('RG002');
  });
});

describe('bad input on the minutes endpoints', () => {
  it('nulls and values of the wrong type in each field are a 400 naming the field, never a 500, and change nothing', async () => {
    const w = await buildWorld(t);
    const p = paths(w);
    const cases: [string, object, string][] = [
      [p.debates(w.items[0]), { version: 1, textMd: null }, 'textMd'],
      [p.debates(w.items[0]), { version: null, textMd: 'x' }, 'version'],
      [p.debates(w.items[0]), { version: 1, textMd: 42 }, 'textMd'],
      [p.debates(w.items[0]), { version: '1', textMd: 'x', extra: true }, 'extra'],
      [p.adoption, { version: 1, adoptedAtSessionId: null }, 'adoptedAtSessionId'],
      [p.adoption, { version: 1, adoptedAtSessionId: 'x' }, 'adoptedAtSessionId'],
      [p.publication, { version: 1, publishedOn: null }, 'publishedOn'],
      [p.publication, { version: 1, publishedOn: '2024-02-30' }, 'publishedOn'],
    ];
    for (const [path, body, field] of cases) {
      const send = () => (path.includes('/debates/') ? t.http.put(path) : t.http.post(path)).send(body);
      await refused(w, send, 400, 'VALIDATION_FAILED', new RegExp(field));
    }
    await refused(w, () => t.http.put(`${w.base}/sessions/${w.sessionId}/minutes/debates/not-a-uuid`).send({ version: 1, textMd: 'x' }), 400, 'VALIDATION_FAILED', /iid/);
  });
});
