import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { assertRectification, type RectificationCandidate, type RectificationKind } from '../domain/rectification';
import { ActRectification } from './issuing.entities';

/** An act on the other end of a rectification, as the act's state and the public page show it. */
export interface LinkedAct {
  kind: RectificationKind;
  itemId: string;
  number: string;
  sessionDate: string;
  /** Null while that act is not issued. */
  verificationCode: string | null;
  verificationUrl: string | null;
  issuedAt: string | null;
}

export interface RectificationLinks {
  /** The issued act this one rectifies. */
  rectifies: LinkedAct | null;
  /** The issued acts that rectify this one, oldest first. */
  rectifiedBy: LinkedAct[];
}

/** What the sealed record of a rectificative act says of the act it rectifies: that very act, by its PDF's digest. */
export interface SealedRectification {
  kind: RectificationKind;
  itemId: string;
  number: string;
  issuedActId: string;
  sha256: string;
}

export interface RectifyRequest {
  rectifiesNumber?: string;
  rectifiesItemId?: string;
  kind: RectificationKind;
}

const PUBLIC_BASE = loadConfig().PUBLIC_BASE_URL.replace(/\/+$/, '');
export const verificationUrlOf = (code: string): string => `${PUBLIC_BASE}/verification/${code}`;

// An item with what the rule needs: its body, status, session's local date (in the collectivity's zone), whether issued.
const CANDIDATE = `
  SELECT i.id AS "itemId", i.body_id AS "bodyId", i.number, i.status, s.status AS "sessionStatus",
         (s.starts_at AT TIME ZONE c.time_zone)::date::text AS "sessionDate", EXISTS (SELECT 1 FROM issued_act a WHERE a.item_id = i.id) AS issued
    FROM item i JOIN session s ON s.id = i.session_id JOIN collectivity c ON c.id = i.collectivity_id
   WHERE i.collectivity_id = $1`;

type Candidate = RectificationCandidate & { issued: boolean; sessionStatus: string };

/**
 * Rectificative acts (issue 9). A correction is a new deliberation of the body that adopted the act — to correct an
 * erreur matérielle, or to withdraw and replace it — recorded on the new item while it is a draft: its extract says
 * which act it rectifies, its sealed record names that act by its digest, and the original, unchanged, is shown as
 * rectified by it once it is issued.
 */
@Injectable()
export class RectificationsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records (or changes) what a draft item rectifies: the original by its number in the same body, or by its id. */
  record(collectivityId: string, itemId: string, req: RectifyRequest): Promise<RectificationLinks> {
    if (!req.rectifiesNumber === !req.rectifiesItemId) {
      throw new DomainError('VALIDATION_FAILED', 'Name the act rectified by its number (rectifiesNumber) or its id (rectifiesItemId), one of them', { field: 'rectifiesNumber' });
    }
    return this.uow.run(collectivityId, async (em) => {
      const [rectifying] = await candidates(em, collectivityId, `AND i.id = $2 FOR UPDATE OF i`, [itemId]);
      if (!rectifying) throw new DomainError('NOT_FOUND', `Item ${itemId} not found`, { entity: 'Item', id: itemId });
      if (rectifying.sessionStatus === 'closed' || rectifying.sessionStatus === 'cancelled') {
        throw new DomainError('SESSION_CLOSED', `The session of item ${rectifying.number} is ${rectifying.sessionStatus}: its record is sealed`, { itemId });
      }
      const originals = req.rectifiesItemId
        ? await candidates(em, collectivityId, `AND i.id = $2`, [req.rectifiesItemId])
        : await candidates(em, collectivityId, `AND i.number = $2 AND i.body_id = $3 ORDER BY i.year DESC`, [req.rectifiesNumber!.trim(), rectifying.bodyId]);
      const original = originals[0];
      if (!original) {
        throw new DomainError('NOT_FOUND', `No deliberation ${req.rectifiesNumber ?? req.rectifiesItemId} in this body`, { entity: 'Deliberation', field: req.rectifiesItemId ? 'rectifiesItemId' : 'rectifiesNumber' });
      }
      if (originals.length > 1) {
        throw new DomainError('VALIDATION_FAILED', `Deliberation ${original.number} exists in several years: name it by rectifiesItemId`, { field: 'rectifiesItemId', itemIds: originals.map((o) => o.itemId) });
      }
      assertRectification(rectifying, original);
      await em.createQueryBuilder().insert().into(ActRectification)
        .values({ itemId, collectivityId, rectifiesItemId: original.itemId, kind: req.kind })
        .orUpdate(['rectifies_item_id', 'kind'], ['item_id']).execute();
      // The act's text changes with it: whatever follows the item's version sees a new one.
      await em.query(`UPDATE item SET version = version + 1 WHERE collectivity_id = $1 AND id = $2`, [collectivityId, itemId]);
      return rectificationLinks(em, collectivityId, itemId);
    }, { useCase: 'act.rectify' });
  }

  /** A draft item no longer rectifies anything. */
  remove(collectivityId: string, itemId: string): Promise<void> {
    return this.uow.run(collectivityId, async (em) => {
      const [rectifying] = await candidates(em, collectivityId, `AND i.id = $2 FOR UPDATE OF i`, [itemId]);
      const found = rectifying && await em.getRepository(ActRectification).findOneBy({ collectivityId, itemId });
      if (!found) throw new DomainError('NOT_FOUND', `Item ${itemId} rectifies no act`, { entity: 'Rectification', id: itemId });
      if (rectifying.status !== 'draft') throw new DomainError('ITEM_SEALED', `Item ${rectifying.number} is ${rectifying.status}: what it rectifies is sealed with it`, { itemId });
      await em.getRepository(ActRectification).delete({ collectivityId, itemId });
      await em.query(`UPDATE item SET version = version + 1 WHERE collectivity_id = $1 AND id = $2`, [collectivityId, itemId]);
    }, { useCase: 'act.rectify' });
  }
}

function candidates(em: EntityManager, collectivityId: string, where: string, params: unknown[]): Promise<Candidate[]> {
  return em.query(`${CANDIDATE} ${where}`, [collectivityId, ...params]);
}

/** What an act rectifies and which issued acts rectify it, in the caller's transaction. */
export async function rectificationLinks(em: EntityManager, collectivityId: string, itemId: string): Promise<RectificationLinks> {
  const linked = (side: 'o' | 'n') => `
    SELECT r.kind, ${side}.id AS "itemId", ${side}.number, (s.starts_at AT TIME ZONE c.time_zone)::date::text AS "sessionDate",
           a.verification_code AS "verificationCode", a.issued_at AS "issuedAt"
      FROM act_rectification r JOIN item o ON o.id = r.rectifies_item_id JOIN item n ON n.id = r.item_id
      JOIN session s ON s.id = ${side}.session_id JOIN collectivity c ON c.id = r.collectivity_id
      ${side === 'o' ? 'LEFT' : ''} JOIN issued_act a ON a.item_id = ${side}.id
     WHERE r.collectivity_id = $1`;
  const rectifies: LinkedRow[] = await em.query(`${linked('o')} AND r.item_id = $2`, [collectivityId, itemId]);
  const rectifiedBy: LinkedRow[] = await em.query(`${linked('n')} AND r.rectifies_item_id = $2 ORDER BY a.issued_at, n.number`, [collectivityId, itemId]);
  return { rectifies: rectifies[0] ? linkedAct(rectifies[0]) : null, rectifiedBy: rectifiedBy.map(linkedAct) };
}

/** At issuing: the act the item rectifies, as its sealed record names it; it must still be issued. */
export async function sealedRectification(em: EntityManager, collectivityId: string, itemId: string): Promise<SealedRectification | null> {
  const rows: (SealedRectification & { issuedActId: string | null })[] = await em.query(
    `SELECT r.kind, o.id AS "itemId", o.number, a.id AS "issuedActId", trim(a.sha256) AS sha256
       FROM act_rectification r JOIN item o ON o.id = r.rectifies_item_id LEFT JOIN issued_act a ON a.item_id = o.id
      WHERE r.collectivity_id = $1 AND r.item_id = $2`,
    [collectivityId, itemId],
  );
  const found = rows[0];
  if (!found) return null;
  if (!found.issuedActId) throw new DomainError('RECTIFIED_ACT_NOT_ISSUED', `Deliberation ${found.number}, which this act rectifies, is not issued`, { rectifiesItemId: found.itemId });
  return found;
}

interface LinkedRow { kind: RectificationKind; itemId: string; number: string; sessionDate: string; verificationCode: string | null; issuedAt: Date | null }

const linkedAct = (r: LinkedRow): LinkedAct => ({
  kind: r.kind, itemId: r.itemId, number: r.number, sessionDate: r.sessionDate, verificationCode: r.verificationCode,
  verificationUrl: r.verificationCode ? verificationUrlOf(r.verificationCode) : null, issuedAt: r.issuedAt ? new Date(r.issuedAt).toISOString() : null,
});
