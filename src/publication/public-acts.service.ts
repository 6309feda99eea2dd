import { Injectable, StreamableFile } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { ExtractsService, pdfFile, PdfOptions } from '../extracts/extracts.service';
import { RegisterService } from '../register/register.service';

export interface PublishedAct {
  id: string;
  number: string;
  object: string;
  publishedAt: string;
}

/**
 * What the public reads without an account: the acts whose publication is recorded (L2131-1), nothing else.
 * An unpublished act, a draft or an unknown id all answer the same "not found".
 */
@Injectable()
export class PublicActsService {
  constructor(private readonly uow: UnitOfWork, private readonly register: RegisterService, private readonly extracts: ExtractsService) {}

  async list(cid: string): Promise<{ items: PublishedAct[] }> {
    const items: PublishedAct[] = await this.uow.run(cid, (em) => em.query(
      `SELECT id, number, object, published_at AS "publishedAt" FROM item
        WHERE collectivity_id = $1 AND status = 'voted' AND published_at IS NOT NULL AND published_at <= current_date
        ORDER BY published_at DESC, number`,
      [cid],
    ), { useCase: 'public.acts' });
    return { items };
  }

  async extract(cid: string, iid: string, opts: PdfOptions): Promise<StreamableFile> {
    const rows: unknown[] = await this.uow.run(cid, (em) => em.query(
      `SELECT 1 FROM item WHERE collectivity_id = $1 AND id = $2 AND status = 'voted' AND published_at IS NOT NULL AND published_at <= current_date`,
      [cid, iid],
    ), { useCase: 'public.extract' });
    if (!rows.length) throw new DomainError('NOT_FOUND', `No published act ${iid}`, { entity: 'Act', id: iid });
    const record = await this.register.itemState(cid, iid);
    const doc = await this.extracts.renderExtractOf(record, opts);
    return pdfFile(doc.pdf, `extrait-${record.item.number}.pdf`);
  }
}
