import { Injectable } from '@nestjs/common';
import type { Role } from '../auth/actor';
import { AccountsService } from '../auth/accounts.service';
import { CreateAccountDto } from '../auth/dto/auth.dto';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { statusFor } from '../common/domain-error.filter';
import { paths } from './console-format';
import { Form, gesture, PageResult, text, validForm } from './console-forms';
import { ConsoleViews } from './console-views';

const ROLES: [Role, string][] = [['administrator', 'administrateur'], ['secretary', 'secrétaire'], ['president', 'président'], ['member', 'membre']];

/** The accounts of a collectivity (administrator): who may do what; a new account's password is shown once. */
@Injectable()
export class AccountsPageService {
  constructor(private readonly collectivities: CollectivitiesService, private readonly accounts: AccountsService, private readonly views: ConsoleViews) {}

  async page(cid: string, extra: { refusal?: object; created?: { email: string; password: string | null } } = {}): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const list = await this.accounts.list(cid);
    const label = (r: Role) => ROLES.find(([x]) => x === r)?.[1] ?? r;
    return this.views.render('accounts', { title: 'Comptes', crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: paths.setup(cid) }, { label: 'Comptes', href: null }] }, {
      collectivityName: collectivity.name, action: `/console/collectivites/${cid}/comptes`, refusal: extra.refusal ?? null, created: extra.created ?? null,
      accounts: list.map((a) => ({ email: a.email, roles: a.roles.map(label).join(', '), disabled: a.disabled })),
      roles: ROLES.map(([value, l]) => ({ value, label: l })),
    });
  }

  add(cid: string, form: Form): Promise<PageResult> {
    let created: { email: string; password: string | null } = { email: '', password: null };
    return gesture(async () => {
      const roles = ([] as string[]).concat(form.roles ?? []).filter((r) => r);
      const granted = await this.accounts.addAccount(cid, await validForm(CreateAccountDto, { email: text(form, 'email'), roles }));
      created = { email: granted.email, password: granted.initialPassword ?? null };
    }, '', (refusal) => this.page(cid, { refusal }), (e) => (statusFor(e.code) === 404 ? 404 : 422))
      .then(async (r) => ('redirect' in r ? { status: 201, html: await this.page(cid, { created }) } : r));
  }
}
