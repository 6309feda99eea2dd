import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import type { DeliberationRecord } from '../domain/types';
import { renderDeliberationsList, renderExtract, renderMinutes } from '../documents/render';
import { TemplateEngine } from '../documents/template-engine';
import type { RenderedDocument as Rendered, SessionRecord } from '../documents/types';
import { loadMinutes } from '../minutes/minutes-record';
import { openingRecord, RegisterService } from '../register/register.service';
import { loadSessionContext } from '../register/session-context';
import { RenderedDocument } from './template-override.entity';
import { TemplatesService } from './templates.service';

export interface PdfOptions {
  pdfa?: boolean;
}

/** Certified extracts, procès-verbal and list of deliberations, from the register and the collectivity's templates. */
@Injectable()
export class ExtractsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly register: RegisterService,
    private readonly templates: TemplatesService,
    private readonly engine: TemplateEngine,
  ) {}

  async extract(collectivityId: string, itemId: string, opts: PdfOptions = {}): Promise<StreamableFile> {
    const record = await this.register.itemState(collectivityId, itemId);
    const doc = await this.renderExtractOf(record, opts);
    return pdfFile(doc.pdf, `extrait-${record.item.number}.pdf`);
  }

  async extractByNumber(collectivityId: string, number: string, opts: PdfOptions = {}, bodyId?: string): Promise<StreamableFile> {
    const record = await this.register.itemStateByNumber(collectivityId, number, bodyId);
    const doc = await this.renderExtractOf(record, opts);
    return pdfFile(doc.pdf, `extrait-${record.item.number}.pdf`);
  }

  /** The extract of a voted act as a Buffer (CLI, ZIP), logged with the template versions that made it. */
  async renderExtractOf(record: DeliberationRecord, opts: PdfOptions = {}): Promise<Rendered> {
    if (record.item.status !== 'voted') {
      throw new DomainError('ITEM_NOT_VOTED', `Item ${record.item.number} is ${record.item.status}: there is no act to certify yet`, { itemId: record.item.id });
    }
    const overrides = await this.templates.overrides(record.collectivity.id);
    const doc = await renderExtract(record, { engine: this.engine, overrides, pdfa: opts.pdfa });
    await this.log(record.collectivity.id, 'extract', record.session.id, record.item.id, doc, opts);
    return doc;
  }

  async minutes(collectivityId: string, sessionId: string, opts: PdfOptions = {}): Promise<StreamableFile> {
    const { doc, record } = await this.renderSession(collectivityId, sessionId, 'minutes', opts);
    return pdfFile(doc.pdf, `proces-verbal-${record.session.localDate}.pdf`);
  }

  async deliberationsList(collectivityId: string, sessionId: string, opts: PdfOptions = {}): Promise<StreamableFile> {
    const { doc, record } = await this.renderSession(collectivityId, sessionId, 'deliberations-list', opts);
    return pdfFile(doc.pdf, `liste-deliberations-${record.session.localDate}.pdf`);
  }

  async renderSession(collectivityId: string, sessionId: string, kind: 'minutes' | 'deliberations-list', opts: PdfOptions = {}) {
    const record = await this.sessionRecord(collectivityId, sessionId);
    const overrides = await this.templates.overrides(collectivityId);
    const render = kind === 'minutes' ? renderMinutes : renderDeliberationsList;
    const doc = await render(record, { engine: this.engine, overrides, pdfa: opts.pdfa });
    await this.log(collectivityId, kind, sessionId, null, doc, opts);
    return { doc, record };
  }

  /**
   * The extracts of every voted item of a session as one ZIP, streamed: each PDF is rendered and
   * written before the next, so memory stays flat however long the session.
   */
  async zip(collectivityId: string, sessionId: string, opts: PdfOptions = {}): Promise<StreamableFile> {
    const { records } = await this.register.sessionRecords(collectivityId, sessionId);
    const voted = records.filter((r) => r.item.status === 'voted');
    if (voted.length === 0) throw new DomainError('ITEM_NOT_VOTED', `Session ${sessionId} has no voted item yet`, { sessionId });
    const overrides = await this.templates.overrides(collectivityId);
    const zip = new ZipFile();
    const out = new PassThrough();
    zip.outputStream.pipe(out);
    const mtime = new Date(voted[0].session.startsAt);
    void (async () => {
      try {
        for (const record of voted) {
          const doc = await renderExtract(record, { engine: this.engine, overrides, pdfa: opts.pdfa });
          zip.addBuffer(doc.pdf, `extrait-${record.item.number}.pdf`, { mtime, compress: false });
          await this.log(collectivityId, 'extract', sessionId, record.item.id, doc, opts);
        }
        zip.end();
      } catch (e) {
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    })();
    return new StreamableFile(out, { type: 'application/zip', disposition: `attachment; filename="extraits-${voted[0].session.localDate}.zip"` });
  }

  /** The session's items and its procès-verbal (debates, adoption) read in one snapshot. */
  sessionRecord(collectivityId: string, sessionId: string): Promise<SessionRecord> {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId);
      const records = await this.register.records(em, ctx, ctx.items.map((i) => i.id));
      // A session may end with no item examined (quorum not met): its procès-verbal and list still exist.
      const opening = openingRecord(ctx);
      const { record: minutes } = await loadMinutes(em, collectivityId, sessionId);
      return { collectivity: opening.collectivity, body: opening.body, session: opening.session, items: records, minutes, opening };
    }, { isolation: 'REPEATABLE READ' });
  }

  private async log(collectivityId: string, kind: RenderedDocument['kind'], sessionId: string | null, itemId: string | null, doc: Rendered, opts: PdfOptions) {
    const templateVersions = Object.fromEntries(doc.templateVersion.split(';').map((v) => {
      const at = v.lastIndexOf('@');
      return [v.slice(0, at), v.slice(at + 1)];
    }));
    await this.uow.run(collectivityId, (em) => em.getRepository(RenderedDocument).insert({
      collectivityId, kind, sessionId, itemId, templateVersions, pdfa: !!opts.pdfa,
      sha256: createHash('sha256').update(doc.pdf).digest('hex'), bytes: doc.pdf.length,
    }), { useCase: 'document.render' });
  }
}

function pdfFile(pdf: Buffer, filename: string): StreamableFile {
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: pdf.length });
}
