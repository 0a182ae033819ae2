// The words of the subject-access PDF in Italian and English. The vocabulary labels (genders, exit reasons, …)
// are the ones the screens show, from electron/shared/i18n/vocabulary.ts, so the PDF and the screens never disagree.
import type { Locale } from '../../shared/schema-kit';
import { en as enVocabulary, it as itVocabulary } from '../../shared/i18n/vocabulary';
import { AUDIT_ACTION_NAMES, auditActionLabel } from '../../shared/audit-actions';

/** The code lists as plain lookups (`vocab[list][code]`); an unknown list or code prints as itself. */
/** The audit actions as the PDF names them: the one list of labels (electron/shared/audit-actions.ts). */
const actionLabels = (locale: Locale): Record<string, string> => Object.fromEntries(AUDIT_ACTION_NAMES.map((a) => [a, auditActionLabel(a, locale)]));
const codeLists = (vocab: object): Record<string, Record<string, string>> => vocab as Record<string, Record<string, string>>;

const it = {
  title: 'I tuoi dati personali',
  programme: 'Approdo – registro dei posti protetti e delle persone accolte (programma di inclusione dei cittadini stranieri, Città di Torino, LGNet3, FAMI)',
  generated: 'Documento prodotto il {date}',
  code: 'Codice della persona: {code}',
  intro:
    'Questo documento riporta tutti i dati che il registro Approdo conserva su di te: la scheda, il nucleo familiare, le accoglienze e i posti, le segnalazioni, i consensi e le operazioni registrate sui tuoi dati. Il personale compare con il suo ruolo.',
  rightsTitle: 'I tuoi diritti',
  rights: [
    'Puoi chiedere di correggere i dati inesatti, di completarli, di limitarne l’uso o di cancellarli, e opporti al loro trattamento (artt. 16–21 del Regolamento UE 2016/679, GDPR).',
    'Dopo l’uscita dal programma i dati che ti identificano sono conservati per {years} anni e poi resi anonimi; restano solo i dati che non ti identificano, per le statistiche del programma.',
    'Per esercitare i tuoi diritti rivolgiti all’associazione che ti ha accolto. Se ritieni che i tuoi dati siano trattati in modo non corretto puoi presentare reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).',
  ],
  sections: {
    person: 'Scheda', household: 'Nucleo familiare', stays: 'Accoglienze e posti', referrals: 'Segnalazioni', consents: 'Consensi',
    reveals: 'Consultazioni del nome', corrections: 'Correzioni di date', anonymisations: 'Anonimizzazioni e cancellazioni', audit: 'Operazioni registrate', contributions: 'Contributi per l’abitare',
    plans: 'Progetto individualizzato', interventions: 'Interventi ricevuti', notes: 'Note di accompagnamento', agreements: 'Accordi di inserimento in famiglia',
  },
  plan: 'Progetto concordato il {at}{review}', planReview: ', prossima verifica il {at}',
  goal: '{area}: {description} – {status}{target}', goalTarget: ' (entro il {at})', goalDropped: ' – motivo: {reason}',
  review: 'Verifica del {at} – {by}{summary}',
  intervention: '{at} – {area}, {type}, {minutes} min, da {by}{outcome}',
  note: '{at} – {by}{confidential}: {body}', confidentialNote: ' (riservata)',
  agreement: 'Accordo firmato il {signed}: dal {from}{to}{conditions}',
  fields: {
    code: 'Codice', displayName: 'Nome o alias', givenNames: 'Nome anagrafico', familyNames: 'Cognome anagrafico', gender: 'Genere',
    birthDate: 'Data di nascita', birthYear: 'Anno di nascita', nationality: 'Nazionalità', languages: 'Lingue parlate',
    permitType: 'Tipo di permesso di soggiorno', permitNumber: 'Numero del permesso', permitExpiry: 'Scadenza del permesso',
    fiscalCode: 'Codice fiscale', referralSource: 'Inviata/o da', vulnerabilities: 'Vulnerabilità', restricted: 'Persona riservata',
    notes: 'Note', createdAt: 'Registrata il',
    names: 'nome', entryDate: 'data di ingresso', exitDate: 'data di uscita', plannedEnd: 'fine prevista', exitReason: 'motivo dell’uscita',
    destination: 'destinazione', startDate: 'inizio nel posto', endDate: 'fine nel posto', placeId: 'posto', withdrawnAt: 'revoca',
    'stays.destination': 'destinazione', 'referrals.notes': 'note delle segnalazioni', 'nameReveals.reason': 'motivi delle consultazioni',
    'dateCorrections.reason': 'motivi delle correzioni',
    'contributions.contract.landlord': 'locatore del contratto', 'contributions.contract.address': 'indirizzo del contratto',
    'contributions.assessmentNotes': 'note della valutazione', 'contributions.decisions.motivation': 'motivazioni delle decisioni',
    caseNotes: 'note di accompagnamento', 'planGoals.description': 'descrizioni degli obiettivi', 'planReviews.summary': 'sintesi delle verifiche',
    'interventions.outcome': 'esiti degli interventi', 'placementAgreements.conditions': 'condizioni degli accordi',
  } as Record<string, string>,
  yes: 'sì', no: 'no', none: 'Nessun dato.', you: 'tu',
  relationship: 'Relazione', member: 'Componente',
  stay: 'Accoglienza dal {from}', stayTo: ' al {to}', open: ' (in corso)',
  plannedEnd: 'Fine prevista', exitReason: 'Motivo dell’uscita', destination: 'Destinazione', extension: 'Proroga al {date}, concessa da {by} il {at}',
  placement: 'Posto: {structure} · {room} · {place}, dal {from}{to}', placementTo: ' al {to}',
  referral: 'Segnalazione ricevuta il {at}', source: 'Inviante', people: 'Persone', urgency: 'Urgenza', outcome: 'Esito',
  outcomeAt: 'Data dell’esito', declineReason: 'Motivo', referralNotes: 'Note',
  consent: 'Consenso del {at} (testo {version}): {scope}', withdrawn: ' – revocato il {at}',
  reveal: '{at} – {by}: {reason}', correction: '{at} – {by}: {field} da {old} a {new}. Motivo: {reason}',
  anonymisation: { retention: '{at}: dati anonimizzati alla scadenza del periodo di conservazione', erasure: '{at}: dati cancellati su richiesta. Motivo: {reason}' },
  event: '{at} – {by}: {action}', eventFields: ' ({fields})',
  contribution: 'Contributo {reference}: {type}, {status}', contributionAmounts: 'Proposto {proposed} · approvato {approved} · pagato {paid}',
  decision: '{date} – {kind}{amount}{motivation}', contract: 'Contratto: {kind}{landlord}{address}',
  payment: 'Pagamento del {date}: {amount} ({method}){cancelled}', paymentCancelled: ' – annullato',
  page: 'Pagina {n} di {total}',
  roles: { admin: 'amministrazione', coordinator: 'coordinamento', operator: 'operatrice/operatore', system: 'sistema' } as Record<string, string>,
  actions: actionLabels('it'),
  vocab: codeLists(itVocabulary.vocab),
};

export type SubjectAccessText = typeof it;

const en: SubjectAccessText = {
  title: 'Your personal data',
  programme: 'Approdo – register of protected places and the people hosted (migrant-inclusion programme, City of Turin, LGNet3, FAMI)',
  generated: 'Document produced on {date}',
  code: 'Person code: {code}',
  intro:
    'This document lists all the data the Approdo register holds about you: your record, your household, your stays and places, referrals, consents and the operations recorded on your data. Staff appear by their role.',
  rightsTitle: 'Your rights',
  rights: [
    'You can ask for inaccurate data to be corrected, for incomplete data to be completed, for the use of your data to be restricted or for your data to be erased, and you can object to its processing (articles 16–21 of Regulation (EU) 2016/679, GDPR).',
    'After you leave the programme, the data that identify you are kept for {years} years and then anonymised; only data that do not identify you remain, for the programme’s statistics.',
    'To exercise your rights, contact the association that hosted you. If you believe your data are processed unlawfully, you can lodge a complaint with the Italian data protection authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it).',
  ],
  sections: {
    person: 'Record', household: 'Household', stays: 'Stays and places', referrals: 'Referrals', consents: 'Consents',
    reveals: 'Views of your name', corrections: 'Date corrections', anonymisations: 'Anonymisations and erasures', audit: 'Recorded operations', contributions: 'Housing contributions',
    plans: 'Individual plan', interventions: 'Services received', notes: 'Case notes', agreements: 'Host-family placement agreements',
  },
  plan: 'Plan agreed on {at}{review}', planReview: ', next review on {at}',
  goal: '{area}: {description} – {status}{target}', goalTarget: ' (by {at})', goalDropped: ' – reason: {reason}',
  review: 'Review of {at} – {by}{summary}',
  intervention: '{at} – {area}, {type}, {minutes} min, by {by}{outcome}',
  note: '{at} – {by}{confidential}: {body}', confidentialNote: ' (confidential)',
  agreement: 'Agreement signed on {signed}: from {from}{to}{conditions}',
  fields: {
    code: 'Code', displayName: 'Name or alias', givenNames: 'Given names', familyNames: 'Family names', gender: 'Gender',
    birthDate: 'Date of birth', birthYear: 'Year of birth', nationality: 'Nationality', languages: 'Languages spoken',
    permitType: 'Residence permit type', permitNumber: 'Permit number', permitExpiry: 'Permit expiry',
    fiscalCode: 'Fiscal code', referralSource: 'Referred by', vulnerabilities: 'Vulnerabilities', restricted: 'Restricted person',
    notes: 'Notes', createdAt: 'Registered on',
    names: 'name', entryDate: 'entry date', exitDate: 'exit date', plannedEnd: 'planned end', exitReason: 'exit reason',
    destination: 'destination', startDate: 'start in the place', endDate: 'end in the place', placeId: 'place', withdrawnAt: 'withdrawal',
    'stays.destination': 'destination', 'referrals.notes': 'referral notes', 'nameReveals.reason': 'reasons for viewing the name',
    'dateCorrections.reason': 'reasons for corrections',
    'contributions.contract.landlord': 'contract landlord', 'contributions.contract.address': 'contract address',
    'contributions.assessmentNotes': 'assessment notes', 'contributions.decisions.motivation': 'decision motivations',
    caseNotes: 'case notes', 'planGoals.description': 'goal descriptions', 'planReviews.summary': 'review summaries',
    'interventions.outcome': 'intervention outcomes', 'placementAgreements.conditions': 'agreement conditions',
  },
  yes: 'yes', no: 'no', none: 'No data.', you: 'you',
  relationship: 'Relationship', member: 'Member',
  stay: 'Stay from {from}', stayTo: ' to {to}', open: ' (ongoing)',
  plannedEnd: 'Planned end', exitReason: 'Exit reason', destination: 'Destination', extension: 'Extended to {date}, granted by {by} on {at}',
  placement: 'Place: {structure} · {room} · {place}, from {from}{to}', placementTo: ' to {to}',
  referral: 'Referral received on {at}', source: 'Referred by', people: 'People', urgency: 'Urgency', outcome: 'Outcome',
  outcomeAt: 'Outcome date', declineReason: 'Reason', referralNotes: 'Notes',
  consent: 'Consent of {at} (text {version}): {scope}', withdrawn: ' – withdrawn on {at}',
  reveal: '{at} – {by}: {reason}', correction: '{at} – {by}: {field} from {old} to {new}. Reason: {reason}',
  anonymisation: { retention: '{at}: data anonymised at the end of the retention period', erasure: '{at}: data erased on request. Reason: {reason}' },
  event: '{at} – {by}: {action}', eventFields: ' ({fields})',
  contribution: 'Contribution {reference}: {type}, {status}', contributionAmounts: 'Proposed {proposed} · approved {approved} · paid {paid}',
  decision: '{date} – {kind}{amount}{motivation}', contract: 'Contract: {kind}{landlord}{address}',
  payment: 'Payment of {date}: {amount} ({method}){cancelled}', paymentCancelled: ' – cancelled',
  page: 'Page {n} of {total}',
  roles: { admin: 'administration', coordinator: 'coordination', operator: 'desk staff', system: 'system' },
  actions: actionLabels('en'),
  vocab: codeLists(enVocabulary.vocab),
};

export const SUBJECT_ACCESS_TEXT: Record<Locale, SubjectAccessText> = { it, en };

/** Fills `{name}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
