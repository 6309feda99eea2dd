import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { assertFound, DomainError } from '../domain/errors';
import { Member } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { RneImportDto, RnePreviewDto } from './dto/rne-import.dto';
import { parseRne, RneFile, RneFormatError, RneRow } from './rne-parser';
import { peopleOf, planRneImport, RegisterPerson, RnePlan } from './rne-plan';

export interface RnePreview {
  kind: RneFile['kind'];
  unit: { code: string; name: string };
  lines: number;
  plan: RnePlan;
}

/** Members from the Répertoire national des élus: a preview, then one confirmed import in one transaction. */
@Injectable()
export class ImportsService {
  constructor(private readonly uow: UnitOfWork, private readonly members: MembersService) {}

  preview(collectivityId: string, dto: RnePreviewDto): Promise<RnePreview> {
    return this.uow.run(collectivityId, (em) => this.plan(em, collectivityId, dto), { isolation: 'REPEATABLE READ' });
  }

  /** Applies the plan previewed: the same digest or nothing (CONFLICT_STALE_VERSION). Importing the same file again changes nothing. */
  importRne(collectivityId: string, dto: RneImportDto) {
    return this.uow.run(collectivityId, async (em) => {
      // One import at a time per collectivity: two confirmations of one preview must not both create the members.
      await em.query('SELECT id FROM collectivity WHERE id = $1 FOR UPDATE', [collectivityId]);
      const preview = await this.plan(em, collectivityId, dto);
      const { plan } = preview;
      if (plan.digest !== dto.digest) {
        throw new DomainError('CONFLICT_STALE_VERSION', 'The register or the file changed since the preview: preview again', { field: 'digest', expected: plan.digest });
      }
      for (const p of plan.create) {
        await this.members.createIn(em, collectivityId, {
          civility: p.civility, firstName: p.firstName, lastName: p.lastName, ...(p.birthDate ? { birthDate: p.birthDate } : {}),
          memberships: [{ bodyId: dto.bodyId, seat: 'titulaire', startDate: p.mandateStart, ...(p.title ? { title: p.title } : {}) }],
        });
      }
      for (const c of plan.change) {
        for (const change of c.changes) {
          if (change.field === 'birthDate') await em.getRepository(Member).update({ id: c.memberId, collectivityId }, { birthDate: change.to });
          else await this.members.addMembershipIn(em, collectivityId, c.memberId, { bodyId: dto.bodyId, seat: 'titulaire', startDate: change.to, ...(c.person.title ? { title: c.person.title } : {}) });
        }
      }
      return { unit: preview.unit, created: plan.create.length, changed: plan.change.length, unchanged: plan.unchanged.length, left: plan.left.length };
    }, { useCase: 'members.importRne' });
  }

  private async plan(em: EntityManager, collectivityId: string, dto: RnePreviewDto): Promise<RnePreview> {
    const collectivity = assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
    assertFound(await em.getRepository(Body).findOneBy({ id: dto.bodyId, collectivityId }), 'Body', dto.bodyId);
    const file = parseFile(dto.csv);
    if (file.errors.length) {
      const first = file.errors[0];
      throw new DomainError('VALIDATION_FAILED', `Line ${first.line}, ${first.field}: ${first.message} (${file.errors.length} line(s) refused); nothing was imported`, {
        field: 'csv', lines: file.errors.slice(0, 50),
      });
    }
    const rows = unitRows(file, dto.unitCode ?? (file.kind === 'community' ? collectivity.siren : undefined));
    const people = peopleOf(rows);
    const start = people.reduce((min, p) => (p.mandateStart < min ? p.mandateStart : min), people[0].mandateStart);
    const register: RegisterPerson[] = (await em.query(
      `SELECT m.id, m.civility, m.first_name AS "firstName", m.last_name AS "lastName", to_char(m.birth_date, 'YYYY-MM-DD') AS "birthDate",
              EXISTS (SELECT 1 FROM membership s WHERE s.collectivity_id = m.collectivity_id AND s.member_id = m.id AND s.body_id = $2
                        AND s.start_date <= $3::date AND COALESCE(s.end_date, 'infinity') >= $3::date) AS "seatedInBody"
         FROM member m WHERE m.collectivity_id = $1 ORDER BY m.last_name, m.first_name, m.id`,
      [collectivityId, dto.bodyId, start],
    ));
    return { kind: file.kind, unit: { code: rows[0].unitCode, name: rows[0].unitName }, lines: rows.length, plan: planRneImport(people, register) };
  }
}

function parseFile(csv: string): RneFile {
  try {
    return parseRne(csv);
  } catch (e) {
    if (e instanceof RneFormatError) throw new DomainError('VALIDATION_FAILED', e.message, { field: 'csv', part: e.field });
    throw e;
  }
}

/** The lines of one commune or EPCI: a national file names every one of them. */
function unitRows(file: RneFile, unitCode: string | undefined): RneRow[] {
  const codes = [...new Set(file.rows.map((r) => r.unitCode))];
  const code = unitCode ?? (codes.length === 1 ? codes[0] : undefined);
  if (!code) {
    throw new DomainError('VALIDATION_FAILED', `The file names ${codes.length} communes: give unitCode (one of ${codes.slice(0, 10).join(', ')}${codes.length > 10 ? '...' : ''})`, { field: 'unitCode' });
  }
  const rows = file.rows.filter((r) => r.unitCode === code);
  if (rows.length === 0) {
    const what = file.kind === 'community' ? `the EPCI of SIREN ${code}` : `the commune ${code}`;
    throw new DomainError('VALIDATION_FAILED', `The file has no line for ${what}`, { field: 'unitCode' });
  }
  return rows;
}
