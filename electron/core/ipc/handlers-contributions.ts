// Handlers of the contributions channels (electron/shared/channels/contributions.ts).
import type { HandlersFor } from './types';
import type { contributionsChannels } from '../../shared/channels/contributions';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import * as contributionsService from '../services/contributions';
import * as budgetsService from '../services/budgets';
import { ledgerWorkbook } from '../services/ledger';
import { deliverFile, type Shell } from '../shell';

export function contributionsHandlers(session: Session, shell: Shell = {}): HandlersFor<keyof typeof contributionsChannels> {
  const ctx = () => ctxOf(session);
  return {
    'contributions.list': (input) => contributionsService.listContributions(ctx(), input),
    'contributions.get': ({ id }) => contributionsService.getContribution(ctx(), id),
    'contributions.ofHousehold': (input) => contributionsService.contributionsOfHousehold(ctx(), input),
    'contributions.create': (input) => contributionsService.createContribution(ctx(), input),
    'contributions.reassess': (input) => contributionsService.reassess(ctx(), input),
    'contributions.setPaperReferences': (input) => contributionsService.setPaperReferences(ctx(), input),
    'contributions.approve': (input) => contributionsService.approve(ctx(), input),
    'contributions.reject': (input) => contributionsService.reject(ctx(), input),
    'contributions.withdraw': (input) => contributionsService.withdraw(ctx(), input),
    'contributions.saveContract': (input) => contributionsService.saveContract(ctx(), input),
    'contributions.addInstalment': (input) => contributionsService.addInstalment(ctx(), input),
    'contributions.removeInstalment': (input) => contributionsService.removeInstalment(ctx(), input),
    'payments.record': (input) => contributionsService.recordPayment(ctx(), input),
    'payments.cancel': (input) => contributionsService.cancelPayment(ctx(), input),
    'contributions.suggest': (input) => contributionsService.suggest(ctx(), input),
    'budgets.get': ({ year }) => budgetsService.budgetPage(ctx(), year),
    'budgets.set': (input) => budgetsService.setBudget(ctx(), input),
    'contributionRules.get': () => contributionsService.ruleTables(ctx()),
    'contributionRules.save': (input) => contributionsService.saveRuleTable(ctx(), input),
    'ledger.export': async ({ year, locale }) => {
      const ledger = await ledgerWorkbook(ctx(), year, locale);
      return { ...(await deliverFile(shell, ledger, { name: 'Excel', extensions: ['xlsx'] })), rows: ledger.rows, totals: ledger.totals };
    },
  };
}
