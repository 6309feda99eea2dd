// Every date of an act is the collectivity's local date (issue 10, point 1): a council of La Réunion that sits
// at 01:30 local time (the evening before in Paris) gets its own date and hour on the extract, in the @ctes
// identifier and in the ZIP of extracts.
import { binary, pdfText } from './setup/pdf-text';
import { api, buildWorld, ok, transition, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

/** The MS-DOS date and time of each local file header of a ZIP, as "YYYY-MM-DD HH:MM". */
function zipEntryTimes(zip: Buffer): string[] {
  const times: string[] = [];
  for (let at = zip.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    const time = zip.readUInt16LE(at + 10);
    const date = zip.readUInt16LE(at + 12);
    const pad = (n: number) => String(n).padStart(2, '0');
    times.push(`${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`);
  }
  return times;
}

describe('time zones: La Réunion (974) sits at 01:30 local time', () => {
  let t: TestApp;
  let w: World;
  let collectivity: { siren: string; timeZone: string };
  beforeAll(async () => {
    t = await bootTestApp();
    w = await buildWorld(t, { departementCode: '974', startsAt: '2023-03-01T01:30:00+04:00', convocationDate: '2023-02-24', items: 1 });
    collectivity = ok(await t.http.get(w.base)).body;
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    await transition(w, w.sessionId, 'closed');
  }, 60_000);
  afterAll(() => t.close());

  it('takes Indian/Reunion from its département, and its item its number of the local year', async () => {
    expect(collectivity.timeZone).toBe('Indian/Reunion');
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.session.localDate).toBe('2023-03-01');
    expect(state.session.localTime).toBe('01:30');
  });

  it('prints the local date and hour on the extract', async () => {
    const text = await pdfText((await t.http.get(`${w.base}/items/${w.items[0]}/extract.pdf`).buffer(true).parse(binary).expect(200)).body);
    expect(text).toContain("L'an deux mille vingt-trois, le mercredi 1er mars à 1 heure 30");
    expect(text).not.toContain('28 février');
  });

  it('accepts the @ctes identifier dated on the local day, and refuses the Paris one', async () => {
    const path = api(w).item(w.items[0]);
    const item = ok(await t.http.get(path)).body;
    const sent = ok(await t.http.post(`${path}/transmission`).send({ version: item.version, transmittedAt: '2023-03-02' })).body;
    const paris = `974-${collectivity.siren}-20230228-${item.number.replace(/-/g, '_')}-DE`;
    const bad = await t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2023-03-02', acteId: paris }).expect(400);
    expect(bad.body.details.field).toBe('acteId');
    const local = `974-${collectivity.siren}-20230301-${item.number.replace(/-/g, '_')}-DE`;
    const received = ok(await t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2023-03-02', acteId: local })).body;
    ok(await t.http.post(`${path}/publication`).send({ version: received.version, publishedAt: '2023-03-02' }));
    const text = await pdfText((await t.http.get(`${w.base}/items/${w.items[0]}/extract.pdf`).buffer(true).parse(binary).expect(200)).body);
    expect(text).toContain(local);
  });

  it('stamps the ZIP entries with the local date and hour', async () => {
    const res = await t.http.get(`${w.base}/sessions/${w.sessionId}/extracts.zip`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('extraits-2023-03-01.zip');
    expect(zipEntryTimes(res.body)).toEqual(['2023-03-01 01:30']);
  });

  it('changes its time zone through the API: a validated IANA name, 400 naming the field otherwise', async () => {
    const bad = await t.http.patch(w.base).send({ timeZone: 'Mars/Olympus' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toContain('timeZone');
    expect(ok(await t.http.get(w.base)).body.timeZone).toBe('Indian/Reunion');
    expect(ok(await t.http.patch(w.base).send({ timeZone: 'Europe/Paris' })).body.timeZone).toBe('Europe/Paris');
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.session.localDate).toBe('2023-02-28');
    ok(await t.http.patch(w.base).send({ timeZone: 'Indian/Reunion' }));
  });
});
