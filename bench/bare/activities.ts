// The bare baseline's activities: they return at once, with a result of the size asked for.
import { Context } from '@temporalio/activity';

export const bareActivities = {
  async noop(step: number, _input = '', resultBytes = 0, heartbeat = false): Promise<number | string> {
    if (heartbeat) Context.current().heartbeat(step);
    return resultBytes ? 'x'.repeat(resultBytes) : step;
  },
  async localNoop(step: number, _input = '', resultBytes = 0): Promise<number | string> {
    return resultBytes ? 'x'.repeat(resultBytes) : step;
  },
};

export type BareActivities = typeof bareActivities;
