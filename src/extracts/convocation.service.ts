import { Injectable, StreamableFile } from '@nestjs/common';
import { formatDateLong } from '../documents/french-format';
import { renderMarkdownToPdf } from '../documents/pdf-renderer';
import { noticeRule } from '../domain/convocation-notice';
import { RegisterService } from '../register/register.service';
import { convocationMarkdown } from '../wording/convocation';

/**
 * The convocation letter with its agenda, as a PDF (L2121-10 to L2121-12): fixed words from src/wording, no
 * collectivity template, so it renders in a few milliseconds and needs no render budget. Dated from the convocation.
 */
@Injectable()
export class ConvocationService {
  constructor(private readonly register: RegisterService) {}

  async pdf(collectivityId: string, sessionId: string): Promise<StreamableFile> {
    const { ctx } = await this.register.sessionRecords(collectivityId, sessionId);
    const president = ctx.session.presidentId ? (ctx.membersById.get(ctx.session.presidentId) ?? null) : null;
    const markdown = convocationMarkdown({
      collectivity: ctx.collectivity.name, body: ctx.body.name, seat: ctx.collectivity.seat, sessionDate: ctx.localDate, sessionTime: ctx.localTime,
      place: ctx.session.place, convocationDate: ctx.session.convocationDate,
      urgencyArticle: ctx.session.urgency ? (noticeRule(ctx.collectivity.kind, ctx.collectivity.population)?.article ?? 'L2121-11') : null,
      president,
      items: ctx.items.filter((i) => i.status !== 'withdrawn').map((i) => ({
        position: i.position, object: i.object, rapporteur: i.rapporteurId ? (ctx.membersById.get(i.rapporteurId) ?? null) : null,
      })),
    });
    const date = ctx.session.convocationDate ?? ctx.localDate;
    const pdf = await renderMarkdownToPdf(markdown, {
      title: `Convocation — ${ctx.body.name} — séance du ${ctx.localDate}`, subject: 'Convocation et ordre du jour', author: ctx.collectivity.name,
      keywords: 'convocation, ordre du jour', date: new Date(`${date}T12:00:00Z`), headLeft: ctx.collectivity.name, headRight: `Séance du ${formatDateLong(ctx.localDate)}`,
    });
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="convocation-${ctx.localDate}.pdf"`, length: pdf.length });
  }
}
