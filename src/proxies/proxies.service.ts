import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { assertNoVoteFrom } from '../attendance/attendance.service';
import { UnitOfWork } from '../database/unit-of-work';
import { assertEditable } from '../deliberations/items.service';
import { computeAttendance } from '../domain/attendance';
import { DomainError, assertFound } from '../domain/errors';
import { validateNewProxy, validateRevocation } from '../domain/proxies';
import { summaryOf } from '../attendance/attendance.service';
import { LiveRecord } from '../register/live-record';
import { itemContext, loadSessionContext } from '../register/session-context';
import { Session } from '../sessions/session.entity';
import { CreateProxyDto, RevokeProxyDto } from './dto/proxy.dto';
import { Proxy, ProxySession } from './proxy.entity';

@Injectable()
export class ProxiesService {
  constructor(private readonly uow: UnitOfWork, private readonly live: LiveRecord) {}

  /** Registers a written proxy handed in for a session (and possibly the following ones), L2121-20. */
  create(collectivityId: string, sessionId: string, dto: CreateProxyDto) {
    const made = { version: dto.version, scope: { members: [dto.giverId, dto.holderId] }, state: summaryOf };
    return this.live.gesture(collectivityId, sessionId, made, 'proxy.create', async (em, locked) => {
      const ctx = locked.entry.ctx;
      assertEditable(ctx);
      const pos = (id: string | undefined, field: string) => {
        if (!id) return null;
        const p = ctx.positionOf.get(id);
        if (p === undefined) throw new DomainError('NOT_FOUND', `${field}: item ${id} is not in this session`, { field });
        return p;
      };
      const fromPosition = pos(dto.fromItemId, 'fromItemId');
      const untilPosition = pos(dto.untilItemId, 'untilItemId');
      assertNoVoteFrom(ctx, fromPosition ?? 1);
      const following = dto.followingSessionIds ?? [];
      const consecutive = await this.areConsecutive(em, collectivityId, ctx.body.id, sessionId, following);
      const proxy = { id: 'new', giverId: dto.giverId, holderId: dto.holderId, fromPosition, untilPosition, revokedFromPosition: null };
      const check = { sessionsCovered: 1 + following.length, consecutive, illness: dto.illness ?? false };
      validateNewProxy({ ...check, proxy, ctx: itemContext(ctx, fromPosition ?? 1) });
      // The same written proxy is judged in each following session against that session's own record (one per
      // holder, no chain...), locked in date order; its attendance may not be taken yet, presence is judged per item.
      for (const next of following) {
        const nctx = await loadSessionContext(em, collectivityId, next, true);
        assertEditable(nctx);
        assertNoVoteFrom(nctx, 1);
        validateNewProxy({ ...check, proxy: { ...proxy, fromPosition: null, untilPosition: null }, ctx: itemContext(nctx, 1), checkPresence: false });
      }
      const saved = await em.getRepository(Proxy).save(em.getRepository(Proxy).create({
        collectivityId, bodyId: ctx.body.id, giverId: dto.giverId, holderId: dto.holderId, illness: dto.illness ?? false, signedOn: dto.signedOn ?? null,
      }));
      await em.getRepository(ProxySession).insert([
        { collectivityId, proxyId: saved.id, sessionId, fromItemId: dto.fromItemId ?? null, untilItemId: dto.untilItemId ?? null },
        ...following.map((s) => ({ collectivityId, proxyId: saved.id, sessionId: s })),
      ]);
      const { version } = await this.live.advance(em, locked);
      return { ...saved, sessionIds: [sessionId, ...following], version };
    });
  }

  /** Revocation applies from an item of a session on, and to every later session the proxy covered. */
  revoke(collectivityId: string, proxyId: string, dto: RevokeProxyDto) {
    return this.uow.run(collectivityId, async (em) => {
      const proxy = assertFound(await em.getRepository(Proxy).findOneBy({ id: proxyId, collectivityId }), 'Proxy', proxyId);
      const ctx = await loadSessionContext(em, collectivityId, dto.sessionId, true);
      assertEditable(ctx);
      const input = ctx.proxies.find((p) => p.id === proxyId);
      if (!input) throw new DomainError('NOT_FOUND', `sessionId: proxy ${proxyId} does not cover session ${dto.sessionId}`, { field: 'sessionId' });
      const from = dto.fromItemId ? ctx.positionOf.get(dto.fromItemId) : 1;
      if (from === undefined) throw new DomainError('NOT_FOUND', `fromItemId: item ${dto.fromItemId} is not in this session`, { field: 'fromItemId' });
      validateRevocation(input, from);
      assertNoVoteFrom(ctx, from);
      await em.getRepository(ProxySession).update({ proxyId, sessionId: dto.sessionId }, { revoked: true, revokedFromItemId: dto.fromItemId ?? null });
      const later: { session_id: string }[] = await em.query(
        `SELECT ps.session_id FROM proxy_session ps JOIN session s ON s.id = ps.session_id
          WHERE ps.proxy_id = $1 AND ps.collectivity_id = $3 AND s.starts_at > $2 AND s.status NOT IN ('closed','cancelled')
          ORDER BY s.starts_at, s.id`,
        [proxyId, ctx.session.startsAt, collectivityId],
      );
      // The revocation reaches the later sessions whole: none of them may have voted with the proxy already.
      for (const l of later) assertNoVoteFrom(await loadSessionContext(em, collectivityId, l.session_id, true), 1);
      if (later.length) await em.getRepository(ProxySession).update({ proxyId, sessionId: In(later.map((l) => l.session_id)) }, { revoked: true });
      await em.getRepository(Proxy).update({ id: proxyId }, { revokedAt: new Date() });
      return { ...proxy, revokedAt: new Date(), revokedInSession: dto.sessionId, fromItemId: dto.fromItemId ?? null };
    }, { useCase: 'proxy.revoke' });
  }

  async list(collectivityId: string, sessionId: string) {
    const ctx = await this.uow.run(collectivityId, (em) => loadSessionContext(em, collectivityId, sessionId), { isolation: 'REPEATABLE READ' });
    const opening = computeAttendance(itemContext(ctx, 1));
    return {
      items: ctx.proxyRows.map(({ proxy, link }) => ({ ...proxy, ...link, id: proxy.id, validAtOpening: opening.validProxyIds.includes(proxy.id) })),
      total: ctx.proxyRows.length, page: 1, pageSize: ctx.proxyRows.length,
    };
  }

  /** The following sessions must be the body's next ones, in order, with none skipped. */
  private async areConsecutive(em: EntityManager, collectivityId: string, bodyId: string, sessionId: string, following: string[]): Promise<boolean> {
    if (following.length === 0) return true;
    if (new Set([sessionId, ...following]).size !== following.length + 1) return false;
    const sessions = await em.getRepository(Session).find({ where: { collectivityId, bodyId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const order = sessions.filter((s) => s.status !== 'cancelled').map((s) => s.id);
    const start = order.indexOf(sessionId);
    const found = following.map((id) => order.indexOf(id));
    if (found.some((i) => i < 0)) {
      const missing = following[found.findIndex((i) => i < 0)];
      throw new DomainError('NOT_FOUND', `followingSessionIds: session ${missing} is not a session of this body`, { field: 'followingSessionIds' });
    }
    return found.every((idx, k) => idx === start + k + 1);
  }
}
