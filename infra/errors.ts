/** A problem with the environment that an operator can fix; printed as one line, never as a stack trace. */
export class StackError extends Error {
  override name = 'StackError';
}
