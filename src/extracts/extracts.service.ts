import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { type Options, ZipFile } from 'yazl';
import { wallClock } from '../domain/time-zones';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import type { DeliberationRecord } from '../domain/types';
import type { RenderedDocument as Rendered, SessionRecord } from '../documents/types';
import { IssuedActsService } from '../issuing/issued-acts.service';
import { loadMinutes } from '../minutes/minutes-record';
import { openingRecord, RegisterService } from '../register/register.service';
import { loadSessionContext } from '../register/session-context';
import { inOrder, roomFor } from '../rendering/in-order';
import { RenderAborted, RenderPool } from '../rendering/render-pool';
import { RenderedDocument } from './template-override.entity';
import { TemplatesService } from './templates.service';

/** What a ZIP may hold for a client that reads slowly, beyond what the socket takes (a few extracts). */
const ZIP_BUFFER_BYTES = 256 * 1024;

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
    private readonly pool: RenderPool,
    private readonly issued: IssuedActsService,
  ) {}

  async extract(collectivityId: string, itemId: string, opts: PdfOptions = {}, signal?: AbortSignal): Promise<StreamableFile> {
    const record = await this.register.itemState(collectivityId, itemId);
    const doc = await this.renderExtractOf(record, opts, signal);
    return pdfFile(doc.pdf, `extrait-${record.item.number}.pdf`);
  }

  async extractByNumber(collectivityId: string, number: string, opts: PdfOptions = {}, bodyId?: string, signal?: AbortSignal): Promise<StreamableFile> {
    const record = await this.register.itemStateByNumber(collectivityId, number, bodyId);
    const doc = await this.renderExtractOf(record, opts, signal);
    return pdfFile(doc.pdf, `extrait-${record.item.number}.pdf`);
  }

  /**
   * The extract of a voted act as a Buffer (CLI, ZIP), logged with the template versions that made it;
   * once the act is issued, its stored PDF, never rendered again.
   */
  async renderExtractOf(record: DeliberationRecord, opts: PdfOptions = {}, signal?: AbortSignal): Promise<Rendered> {
    const issued = await this.issued.pdfOf(record.collectivity.id, record.item.id);
    if (issued) return { pdf: issued.pdf, templateVersion: 'issued' };
    if (record.item.status !== 'voted') {
      throw new DomainError('ITEM_NOT_VOTED', `Item ${record.item.number} is ${record.item.status}: there is no act to certify yet`, { itemId: record.item.id });
    }
    const overrides = await this.templates.overrides(record.collectivity.id);
    const doc = await this.pool.extract(record, { overrides, pdfa: opts.pdfa }, signal);
    await this.log(record.collectivity.id, 'extract', record.session.id, record.item.id, doc, opts);
    return doc;
  }

  async minutes(collectivityId: string, sessionId: string, opts: PdfOptions = {}, signal?: AbortSignal): Promise<StreamableFile> {
    const { doc, record } = await this.renderSession(collectivityId, sessionId, 'minutes', opts, signal);
    return pdfFile(doc.pdf, `proces-verbal-${record.session.localDate}.pdf`);
  }

  async deliberationsList(collectivityId: string, sessionId: string, opts: PdfOptions = {}, signal?: AbortSignal): Promise<StreamableFile> {
    const { doc, record } = await this.renderSession(collectivityId, sessionId, 'deliberations-list', opts, signal);
    return pdfFile(doc.pdf, `liste-deliberations-${record.session.localDate}.pdf`);
  }

  async renderSession(collectivityId: string, sessionId: string, kind: 'minutes' | 'deliberations-list', opts: PdfOptions = {}, signal?: AbortSignal) {
    const record = await this.sessionRecord(collectivityId, sessionId);
    const overrides = await this.templates.overrides(collectivityId);
    const doc = await this.pool.session(kind, record, { overrides, pdfa: opts.pdfa }, signal);
    await this.log(collectivityId, kind, sessionId, null, doc, opts);
    return { doc, record };
  }

  /**
   * The extracts of every voted item of a session as one ZIP, streamed: rendered on every thread of the
   * pool, written in order, never more than a few ahead of what the client has read; when the client
   * goes away (`signal`), rendering stops.
   */
  async zip(collectivityId: string, sessionId: string, opts: PdfOptions = {}, signal?: AbortSignal): Promise<StreamableFile> {
    const { records } = await this.register.sessionRecords(collectivityId, sessionId);
    const voted = records.filter((r) => r.item.status === 'voted');
    if (voted.length === 0) throw new DomainError('ITEM_NOT_VOTED', `Session ${sessionId} has no voted item yet`, { sessionId });
    const overrides = await this.templates.overrides(collectivityId);
    const zip = new ZipFile();
    const out = new PassThrough();
    zip.outputStream.pipe(out);
    const stop = new AbortController();
    signal?.addEventListener('abort', () => stop.abort(), { once: true });
    out.once('close', () => stop.abort());
    // The entries show the session's wall time in the collectivity's zone (MS-DOS time has no zone), with no
    // Unix timestamp beside it that a reader would shift into its own zone.
    const mtime = wallClock(voted[0].session.localDate, voted[0].session.localTime);
    // An issued act is its stored PDF, never rendered again.
    const render = async (record: DeliberationRecord): Promise<Rendered> =>
      (await this.issued.pdfOf(collectivityId, record.item.id).then((i) => i && { pdf: i.pdf, templateVersion: 'issued' }))
      ?? this.pool.extract(record, { overrides, pdfa: opts.pdfa }, stop.signal);
    // The first extract before answering: a template at fault is a clean 4xx, not a ZIP cut short.
    const first = await render(voted[0]);
    const buffered = () => (zip.outputStream as Readable).readableLength + out.readableLength + out.writableLength;
    const rendered: { itemId: string; doc: Rendered }[] = [];
    const flush = () => this.logAll(collectivityId, 'extract', sessionId, rendered.splice(0), opts);
    // Two documents per thread in flight: the threads stay busy while a batch of the log is written.
    void inOrder(voted, this.pool.concurrency * 2, (record) => (record === voted[0] ? Promise.resolve(first) : render(record)), async (record, doc) => {
      if (stop.signal.aborted) throw new RenderAborted();
      zip.addBuffer(doc.pdf, `extrait-${record.item.number}.pdf`, { mtime, compress: false, forceDosTimestamp: true } as Partial<Options>);
      // An issued act is not rendered: nothing to log.
      if (doc.templateVersion !== 'issued') rendered.push({ itemId: record.item.id, doc });
      if (rendered.length >= 10) await flush();
      await roomFor(buffered, ZIP_BUFFER_BYTES, stop.signal);
    }).then(
      async () => {
        await flush();
        zip.end();
      },
    ).catch(async (e) => {
      stop.abort();
      await flush().catch(() => undefined); // what was rendered is logged, even for a client gone
      out.destroy(e instanceof RenderAborted ? undefined : e instanceof Error ? e : new Error(String(e)));
    });
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

  private log(collectivityId: string, kind: RenderedDocument['kind'], sessionId: string | null, itemId: string | null, doc: Rendered, opts: PdfOptions) {
    return this.logAll(collectivityId, kind, sessionId, [{ itemId, doc }], opts);
  }

  /** One INSERT for several documents: the ZIP logs its extracts ten at a time. */
  private async logAll(collectivityId: string, kind: RenderedDocument['kind'], sessionId: string | null, docs: { itemId: string | null; doc: Rendered }[], opts: PdfOptions) {
    if (docs.length === 0) return;
    const rows = docs.map(({ itemId, doc }) => ({
      collectivityId, kind, sessionId, itemId, templateVersions: templateVersionsOf(doc), pdfa: !!opts.pdfa,
      sha256: createHash('sha256').update(doc.pdf).digest('hex'), bytes: doc.pdf.length,
    }));
    await this.uow.run(collectivityId, (em) => em.getRepository(RenderedDocument).insert(rows), { useCase: 'document.render' });
  }
}

/** "default@abc;partials/header@3" → { default: "abc", "partials/header": "3" } */
function templateVersionsOf(doc: Rendered): Record<string, string> {
  return Object.fromEntries(doc.templateVersion.split(';').map((v) => {
    const at = v.lastIndexOf('@');
    return [v.slice(0, at), v.slice(at + 1)];
  }));
}

export function pdfFile(pdf: Buffer, filename: string): StreamableFile {
  return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: pdf.length });
}
