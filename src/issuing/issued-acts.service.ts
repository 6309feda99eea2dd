import { Injectable, StreamableFile } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';

/** The stored PDF of issued acts: what the API, the CLI and the ZIP hand out once an act is issued. */
@Injectable()
export class IssuedActsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The issued PDF of an item, or null while it is not issued. */
  async pdfOf(collectivityId: string, itemId: string): Promise<{ pdf: Buffer; number: string } | null> {
    const rows: { pdf: Buffer; number: string }[] = await this.uow.run(collectivityId, (em) => em.query(
      `SELECT a.pdf, i.number FROM issued_act a JOIN item i ON i.id = a.item_id WHERE a.collectivity_id = $1 AND a.item_id = $2`,
      [collectivityId, itemId],
    ));
    return rows[0] ?? null;
  }

  async pdfFile(collectivityId: string, itemId: string): Promise<StreamableFile> {
    const found = await this.pdfOf(collectivityId, itemId);
    if (!found) throw new DomainError('ACT_NOT_ISSUED', `Item ${itemId} has no issued act yet (it is issued at its last signature)`, { itemId });
    return issuedPdfFile(found.pdf, found.number);
  }
}

export const issuedPdfFile = (pdf: Buffer, number: string) =>
  new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="extrait-${number}.pdf"`, length: pdf.length });
