// The bare baseline's activities: they return at once.
export const bareActivities = {
  async noop(step: number): Promise<number> {
    return step;
  },
  async localNoop(step: number): Promise<number> {
    return step;
  },
};

export type BareActivities = typeof bareActivities;
