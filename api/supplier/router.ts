// The supplier of last resort's procedures: its handed-over cases and the draft supply contract.
import { z } from 'zod';
import { postSupplyContractSchema } from '../../domain/supply-contract';
import { groupProcedure, router } from '../trpc';
import { postSupplyContract, supplierCaseOf, supplierCases } from './service';

const suppliers = groupProcedure('suppliers');

export const supplierRouter = router({
  cases: suppliers.query(({ ctx }) => supplierCases(ctx)),
  get: suppliers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => supplierCaseOf(ctx, input.id)),
  postContract: suppliers.input(postSupplyContractSchema.extend({ id: z.uuid() })).mutation(({ ctx, input }) => postSupplyContract(ctx, input)),
});
