// Typed state an owner (the database, the engine) keeps for a module: caches and registries live as long as
// their owner and no module holds engine state of its own.

/** The key of one piece of owned state, with how it is made on first use. */
export class StateKey<T, Owner = unknown> {
  constructor(
    readonly name: string,
    readonly create: (owner: Owner) => T,
  ) {}
}

/** The state slots of one owner. */
export class StateSlots<Owner> {
  private readonly slots = new Map<StateKey<unknown, Owner>, unknown>();
  constructor(private readonly owner: Owner) {}

  get<T>(key: StateKey<T, Owner>): T {
    if (!this.slots.has(key)) this.slots.set(key, key.create(this.owner));
    return this.slots.get(key) as T;
  }

  /** The state under `key` if it was made. */
  peek<T>(key: StateKey<T, Owner>): T | undefined {
    return this.slots.get(key) as T | undefined;
  }
}
