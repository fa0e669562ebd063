// The supplier of last resort's track (п.105 of Rules 861 as amended by ПП 262,
// DOMAIN §9, ◐): the grid hands the registered application over to the chosen
// гарантирующий поставщик, and from the handover the supplier has its own
// clock to post the draft supply contract in the applicant's cabinet. The track
// runs beside the connection procedure (domain/procedures/application.ts) and
// never holds it; a missed term is the supplier's, never the grid's or the
// applicant's. Its own small table, so the grid's and the applicant's action
// lists (and forms) stay as they are: workflows/application/supplier-track.ts
// implements it.
import type { ProcedureTable } from './table';

export const SUPPLIER_STAGES = ['draftContract', 'contractPosted', 'cancelled'] as const;
export type SupplierStage = (typeof SUPPLIER_STAGES)[number];

export const SUPPLIER_ACTIONS = ['postSupplyContract'] as const;
export type SupplierAction = (typeof SUPPLIER_ACTIONS)[number];

export const SUPPLIER_PROCEDURE = {
  stages: {
    draftContract: {
      step: 'ГП',
      title: 'Проект договора энергоснабжения от гарантирующего поставщика',
      status: 'Ожидание проекта договора энергоснабжения',
      party: 'supplier',
      term: 'supplierDraftContract',
      remind: 'nobody',
      actions: ['postSupplyContract'],
    },
    contractPosted: { step: 'ГП ✓', title: 'Проект договора энергоснабжения размещён', status: 'Проект договора размещён', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
    cancelled: { step: 'ГП ×', title: 'Передача заявки гарантирующему поставщику прекращена', status: 'Прекращено', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
  },
  actions: {
    postSupplyContract: { label: 'Разместить проект договора энергоснабжения', by: 'supplier' },
  },
  mainPath: ['draftContract', 'contractPosted'],
  branches: {},
} as const satisfies ProcedureTable<SupplierStage, SupplierAction>;
