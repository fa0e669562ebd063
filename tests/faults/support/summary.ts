// vitest globalSetup of the fault suite: a fresh outcome file before, the summary after.
import { resetOutcomes, summarizeOutcomes } from './outcome';

export default function setup() {
  resetOutcomes();
  return () => {
    console.log('\n' + summarizeOutcomes());
  };
}
