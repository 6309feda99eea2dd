import { Injectable, MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import type { NamedVote } from '../domain/types';
import { LiveService } from '../live/live.service';
import { ProjectorService } from '../live/projector.service';
import { RegisterService } from '../register/register.service';
import { SessionsService } from '../sessions/sessions.service';
import { civilName, quorumVm, resultVm, sessionDateLabel } from './console-format';
import { ConsoleViews } from './console-views';

/**
 * The public screen of a session (projector): the current item, the quorum, the result once voted — names only for a
 * public ballot (L2121-21), never for a secret one. Read-only; opened by a link the secretary can revoke.
 */
@Injectable()
export class ProjectorPageService {
  constructor(
    private readonly projector: ProjectorService,
    private readonly collectivities: CollectivitiesService,
    private readonly sessions: SessionsService,
    private readonly register: RegisterService,
    private readonly live: LiveService,
    private readonly views: ConsoleViews,
  ) {}

  async page(token: string): Promise<string> {
    const { collectivityId: cid, sessionId: sid } = await this.projector.open(token);
    const collectivity = await this.collectivities.get(cid);
    const session = await this.sessions.get(cid, sid);
    const current = session.items.find((i) => i.status === 'draft') ?? null;
    const voted = session.items.filter((i) => i.status === 'voted');
    const last = voted.length ? voted[voted.length - 1] : null;
    const state = current ? await this.register.itemState(cid, current.id) : null;
    const lastRecord = last ? await this.register.itemState(cid, last.id) : null;
    const attendance = state?.attendance ?? lastRecord?.attendance ?? null;
    const q = attendance ? quorumVm(attendance.quorum) : null;
    const names = (list: NamedVote[]) => list.map((n) => civilName(n.member) + (n.castBy ? ` (par ${civilName(n.castBy)})` : ''));
    const named = lastRecord?.vote?.mode === 'roll_call' && lastRecord.vote.named ? lastRecord.vote.named : null;
    const title = `${session.body.name} — séance du ${sessionDateLabel(session.localDate, session.localTime)}`;
    return this.views.render('projector', { title, crumbs: [] }, {
      title, collectivityName: collectivity.name, eventsUrl: `/ecran/${token}/evenements`, version: session.version,
      banner: q ? `${q.detail} — ${q.label.toLowerCase()}` : null, tone: q?.tone ?? 'neutral',
      counts: attendance ? { represented: attendance.represented.length, voters: attendance.voters } : null,
      current: current && { position: current.position, object: current.object },
      result: lastRecord && {
        number: lastRecord.item.number, object: lastRecord.item.object, ...resultVm(lastRecord),
        named: named && [
          { label: 'Pour', names: names(named.pour) }, { label: 'Contre', names: names(named.contre) }, { label: 'Abstentions', names: names(named.abstention) },
        ],
      },
    });
  }

  async events(token: string): Promise<Observable<MessageEvent>> {
    const { collectivityId, sessionId } = await this.projector.open(token);
    return this.live.events(collectivityId, sessionId);
  }
}
