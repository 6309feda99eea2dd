import { EntityManager } from 'typeorm';
import { DomainError } from '../domain/errors';
import { formatItemNumber } from '../domain/numbering';
import type { SessionContext } from '../register/session-context';
import { Item } from './item.entity';

/** Next sequence number of a body and year. One row per body and year, locked by the upsert: no number is given twice. */
export async function nextSeq(em: EntityManager, collectivityId: string, bodyId: string, year: number, wanted?: number): Promise<number> {
  const rows: { last_seq: number }[] = await em.query(
    `INSERT INTO number_sequence (collectivity_id, body_id, year, last_seq) VALUES ($1, $2, $3, COALESCE($4, 1))
     ON CONFLICT (body_id, year) DO UPDATE SET last_seq = GREATEST(number_sequence.last_seq + 1, COALESCE($4, 0))
     RETURNING last_seq`,
    [collectivityId, bodyId, year, wanted ?? null],
  );
  const seq = rows[0].last_seq;
  if (wanted !== undefined && seq !== wanted) {
    throw new DomainError('DUPLICATE', `seq ${wanted} is already used for ${year}; next free is ${seq}`, { field: 'seq', next: seq });
  }
  return seq;
}

/**
 * A session moved to another date (none of its items voted): numbers such as 24-03-5 follow the new date.
 * Same year: the sequence numbers stay; another year: the items take the next numbers of that year, in order.
 * A number given as published is kept.
 */
export async function renumberItems(em: EntityManager, ctx: SessionContext): Promise<void> {
  const year = Number(ctx.localDate.slice(0, 4));
  const repo = em.getRepository(Item);
  const renumbered: Item[] = [];
  for (const item of ctx.items) {
    const seq = item.year === year ? item.seq : await nextSeq(em, ctx.collectivity.id, ctx.body.id, year);
    // A number given as published stays what the council wrote.
    const number = item.numberGiven ? item.number : formatItemNumber(ctx.body.numberPattern, { date: ctx.localDate, seq, bodyCode: ctx.body.code ?? undefined });
    if (number !== item.number || seq !== item.seq) renumbered.push(Object.assign(item, { year, seq, number, version: item.version + 1 }));
  }
  // Two steps so that swapping numbers within the session never trips item_number_unique.
  for (const item of renumbered) await repo.update({ id: item.id, collectivityId: item.collectivityId }, { number: `~${item.id}` });
  for (const item of renumbered) await repo.update({ id: item.id, collectivityId: item.collectivityId }, { year: item.year, seq: item.seq, number: item.number, version: item.version });
}
