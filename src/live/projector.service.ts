import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { UnitOfWork } from '../database/unit-of-work';
import { assertFound, DomainError } from '../domain/errors';
import { Session } from '../sessions/session.entity';
import { ProjectorLink } from './projector-link.entity';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** 32 random bytes in base64url: 43 characters, not guessable. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const projectorPath = (token: string) => `/ecran/${token}`;

/** Links to the public screen of a session: made and revoked by the secretary, opened by anyone holding one. */
@Injectable()
export class ProjectorService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The token is shown once, here; only its hash is kept. */
  create(cid: string, sid: string) {
    return this.uow.run(cid, async (em) => {
      assertFound(await em.getRepository(Session).findOneBy({ id: sid, collectivityId: cid }), 'Session', sid);
      const token = randomBytes(32).toString('base64url');
      const repo = em.getRepository(ProjectorLink);
      const link = await repo.save(repo.create({ collectivityId: cid, sessionId: sid, tokenHash: hash(token) }));
      return { id: link.id, sessionId: sid, createdAt: link.createdAt, revokedAt: null, token, path: projectorPath(token) };
    }, { useCase: 'projector.create' });
  }

  list(cid: string, sid: string) {
    return this.uow.run(cid, async (em) => {
      assertFound(await em.getRepository(Session).findOneBy({ id: sid, collectivityId: cid }), 'Session', sid);
      const links = await em.getRepository(ProjectorLink).find({ where: { collectivityId: cid, sessionId: sid }, order: { createdAt: 'ASC', id: 'ASC' } });
      return { items: links.map((l) => ({ id: l.id, sessionId: l.sessionId, createdAt: l.createdAt, revokedAt: l.revokedAt })) };
    }, { useCase: 'projector.list' });
  }

  revoke(cid: string, lid: string) {
    return this.uow.run(cid, async (em) => {
      const repo = em.getRepository(ProjectorLink);
      const link = assertFound(await repo.findOne({ where: { id: lid, collectivityId: cid }, lock: { mode: 'pessimistic_write' } }), 'ProjectorLink', lid);
      if (link.revokedAt) throw new DomainError('PROJECTOR_LINK_REVOKED', `Projector link ${lid} is already revoked`, { id: lid });
      await repo.update({ id: lid, collectivityId: cid }, { revokedAt: () => 'now()' } as never);
      return { id: lid, sessionId: link.sessionId, revokedAt: (await repo.findOneByOrFail({ id: lid })).revokedAt };
    }, { useCase: 'projector.revoke' });
  }

  /**
   * The session a live link opens; unknown, malformed and revoked links are all the same 404. The link is found
   * by its token before any collectivity is known, through the one function row-level security lets do so.
   */
  open(token: string): Promise<{ collectivityId: string; sessionId: string }> {
    return this.uow.run(null, async (em) => {
      const rows: { collectivity_id: string; session_id: string }[] = TOKEN.test(token)
        ? await em.query(`SELECT collectivity_id, session_id FROM registre_projector_link_open($1)`, [hash(token)])
        : [];
      if (!rows.length) throw new DomainError('NOT_FOUND', 'No public screen at this address', { entity: 'ProjectorLink' });
      return { collectivityId: rows[0].collectivity_id, sessionId: rows[0].session_id };
    }, { useCase: 'projector.open' });
  }
}
