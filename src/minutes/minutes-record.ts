// Loads a session's procès-verbal as the documents and the API read it (no Nest: used by extracts too).
import { EntityManager } from 'typeorm';
import { publicationDue } from '../domain/minutes';
import type { MinutesRecord } from '../documents/types';
import { Minutes, MinutesDebate } from './minutes.entity';

/** A session without a minutes row has a blank draft at version 1: the first write creates the row at that version. */
export const BLANK_MINUTES: Omit<MinutesRecord, 'debates'> = { status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null };

export async function loadMinutes(em: EntityManager, collectivityId: string, sessionId: string): Promise<{ row: Minutes | null; record: MinutesRecord; debates: MinutesDebate[] }> {
  const row = await em.getRepository(Minutes).findOneBy({ sessionId, collectivityId });
  const debates = row ? await em.getRepository(MinutesDebate).findBy({ minutesId: row.id, collectivityId }) : [];
  const record: MinutesRecord = row
    ? { status: row.status, adoptedAtSessionId: row.adoptedAtSessionId, adoptedOn: row.adoptedOn, publishedOn: row.publishedOn, debates: {} }
    : { ...BLANK_MINUTES, debates: {} };
  for (const d of debates) record.debates[d.itemId] = d.textMd;
  return { row, record, debates };
}

/** What GET .../minutes answers: the status, the adoption and publication facts, and the debates of every item on the agenda. */
export function minutesView(
  sessionId: string,
  row: Minutes | null,
  record: MinutesRecord,
  debates: MinutesDebate[],
  items: { id: string; position: number; number: string; object: string }[],
) {
  return {
    sessionId,
    status: record.status,
    version: row?.version ?? 1,
    adoptedAtSessionId: record.adoptedAtSessionId,
    adoptedOn: record.adoptedOn,
    publishedOn: record.publishedOn,
    /** L2121-15: last day to publish it, once adopted. */
    publicationDue: record.adoptedOn ? publicationDue(record.adoptedOn) : null,
    items: items.map((i) => {
      const d = debates.find((x) => x.itemId === i.id);
      return { itemId: i.id, position: i.position, number: i.number, object: i.object, textMd: d?.textMd ?? '', updatedAt: d?.updatedAt ?? null };
    }),
  };
}
