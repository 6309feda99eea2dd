import { Injectable } from '@nestjs/common';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { statusFor } from '../common/domain-error.filter';
import { PageQuery } from '../common/pagination.dto';
import { AdoptMinutesDto, PublishMinutesDto, WriteDebatesDto } from '../minutes/dto/minutes.dto';
import { MinutesService } from '../minutes/minutes.service';
import { localParts } from '../domain/time-zones';
import { SessionsService } from '../sessions/sessions.service';
import { paths, sessionDateLabel, sessionStatusBadge } from './console-format';
import { Form, gesture, int, PageResult, text, validForm } from './console-forms';
import { ConsoleViews } from './console-views';

const MINUTES_STATUS: Record<string, string> = { draft: 'projet', adopted: 'adopté', published: 'publié' };

/** After the session: the debates of each item, the procès-verbal's adoption and publication, the documents. */
@Injectable()
export class AfterPageService {
  constructor(
    private readonly collectivities: CollectivitiesService,
    private readonly sessions: SessionsService,
    private readonly minutes: MinutesService,
    private readonly views: ConsoleViews,
  ) {}

  async page(cid: string, sid: string, refusal: object | null = null): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const session = await this.sessions.get(cid, sid);
    const minutes = await this.minutes.get(cid, sid);
    // L2121-15: adopted at a later session of the same body, while it sits.
    const later = (await this.sessions.list(cid, session.bodyId, Object.assign(new PageQuery(), { page: 1, pageSize: 200 }))).items
      .filter((s) => s.startsAt.getTime() > new Date(session.startsAt).getTime() && s.status === 'open')
      .map((s) => {
        const { date, time } = localParts(s.startsAt, collectivity.timeZone);
        return { id: s.id, label: `Séance du ${sessionDateLabel(date, time)}` };
      });
    const title = `Après la séance du ${sessionDateLabel(session.localDate, session.localTime)}`;
    const api = `/api/collectivities/${cid}`;
    return this.views.render('after', { title, crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: `/#c-${cid}` }, { label: 'Séance', href: paths.session(cid, sid) }, { label: 'Après la séance', href: null }] }, {
      title, collectivityName: collectivity.name, base: `${paths.session(cid, sid)}/apres`, refusal,
      status: sessionStatusBadge(session.status), minutes: { ...minutes, statusLabel: MINUTES_STATUS[minutes.status] ?? minutes.status },
      later, canAdopt: minutes.status === 'draft' && later.length > 0, canPublish: minutes.status === 'adopted',
      documents: [
        { label: 'Procès-verbal (PDF)', href: `${api}/sessions/${sid}/minutes.pdf` },
        { label: 'Liste des délibérations (PDF)', href: `${api}/sessions/${sid}/deliberations-list.pdf` },
        { label: 'Extraits de la séance (ZIP)', href: `${api}/sessions/${sid}/extracts.zip` },
        ...session.items.filter((i) => i.status === 'voted').map((i) => ({ label: `Extrait de la délibération n°${i.number} (PDF)`, href: `${api}/items/${i.id}/extract.pdf` })),
      ],
    });
  }

  debates(cid: string, sid: string, iid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, `#debats-${iid}`, async () => this.minutes.writeDebates(cid, sid, iid, await validForm(WriteDebatesDto, { version: int(form, 'version'), textMd: typeof form.textMd === 'string' ? form.textMd : '' })));
  }

  adopt(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#pv', async () => this.minutes.adopt(cid, sid, await validForm(AdoptMinutesDto, { version: int(form, 'version'), adoptedAtSessionId: text(form, 'adoptedAtSessionId') })));
  }

  publish(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#pv', async () => this.minutes.publish(cid, sid, await validForm(PublishMinutesDto, { version: int(form, 'version'), publishedOn: text(form, 'publishedOn') })));
  }

  private act(cid: string, sid: string, anchor: string, run: () => Promise<unknown>): Promise<PageResult> {
    const base = `${paths.session(cid, sid)}/apres`;
    return gesture(run, `${base}${anchor}`, (refusal) => this.page(cid, sid, refusal), (e) => (statusFor(e.code) === 404 ? 404 : 422));
  }
}
