import { Injectable, StreamableFile } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { assertFound, DomainError } from '../domain/errors';
import { Annex } from './issuing.entities';
import { sha256Hex } from './sealed-record';

export interface UploadedPdf {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Annexes of a deliberation: PDF files stored with the act, hashed, sealed with it when it is issued. */
@Injectable()
export class AnnexesService {
  constructor(private readonly uow: UnitOfWork) {}

  async add(collectivityId: string, itemId: string, file: UploadedPdf | undefined, title: string | undefined) {
    if (!file || !file.buffer?.length) throw new DomainError('VALIDATION_FAILED', 'Send the annex as a multipart field named "file"', { field: 'file' });
    await assertPdf(file.buffer);
    const name = (title ?? '').trim() || file.originalname.replace(/\.pdf$/i, '') || 'Annexe';
    return this.uow.run(collectivityId, async (em) => {
      const item = assertFound(await em.getRepository(Item).findOne({ where: { collectivityId, id: itemId }, lock: { mode: 'pessimistic_write' } }), 'Item', itemId);
      const [{ n }] = await em.query(`SELECT coalesce(max(position), 0)::int AS n FROM annex WHERE item_id = $1`, [item.id]);
      const row = { collectivityId, itemId, position: n + 1, title: name.slice(0, 300), filename: safeFilename(file.originalname), content: file.buffer, sha256: sha256Hex(file.buffer), bytes: file.buffer.length };
      const { identifiers } = await em.getRepository(Annex).insert(row);
      return { id: identifiers[0].id as string, position: row.position, title: row.title, filename: row.filename, sha256: row.sha256, bytes: row.bytes };
    });
  }

  async list(collectivityId: string, itemId: string) {
    const items = await this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Item).findOneBy({ collectivityId, id: itemId }), 'Item', itemId);
      return em.getRepository(Annex).find({ where: { collectivityId, itemId }, order: { position: 'ASC' } });
    });
    return { items: items.map(({ id, position, title, filename, sha256, bytes, createdAt }) => ({ id, position, title, filename, sha256, bytes, createdAt })) };
  }

  async file(collectivityId: string, itemId: string, annexId: string): Promise<StreamableFile> {
    const row = assertFound(
      await this.uow.run(collectivityId, (em) => em.getRepository(Annex).createQueryBuilder('a').addSelect('a.content').where('a.collectivity_id = :cid AND a.item_id = :iid AND a.id = :aid', { cid: collectivityId, iid: itemId, aid: annexId }).getOne()),
      'Annex', annexId,
    );
    return new StreamableFile(row.content, { type: 'application/pdf', disposition: `inline; filename="${row.filename}"`, length: row.content.length });
  }

  /** Until the act is issued (the database refuses it afterwards: ITEM_SEALED). */
  async remove(collectivityId: string, itemId: string, annexId: string): Promise<void> {
    const res = await this.uow.run(collectivityId, (em) => em.getRepository(Annex).delete({ collectivityId, itemId, id: annexId }));
    if (!res.affected) throw new DomainError('NOT_FOUND', `Annex ${annexId} not found`, { entity: 'Annex', id: annexId });
  }
}

/** A PDF by its magic number and by a full parse: an archive keeps only what it can read again. */
export async function assertPdf(bytes: Buffer): Promise<void> {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new DomainError('ANNEX_INVALID', 'An annex is a PDF file: this one does not start with %PDF-', { field: 'file' });
  }
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() < 1) throw new Error('no page');
  } catch (e) {
    throw new DomainError('ANNEX_INVALID', `The annex is not a readable PDF (${e instanceof Error ? e.message.split('\n')[0] : e}); encrypted PDFs are refused too`, { field: 'file' });
  }
}

const safeFilename = (name: string) => (name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'annexe') + (/\.pdf$/i.test(name) ? '' : '.pdf');
