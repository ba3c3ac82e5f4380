/** A typed event: each listener added is told, in the order added, until the function `add` returned is called. */
export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  add(listener: (...args: Args) => void): () => void {
    // Wrapped, so that adding the same function twice makes two subscriptions.
    const subscription = (...args: Args) => listener(...args);
    this.listeners.add(subscription);
    return () => {
      this.listeners.delete(subscription);
    };
  }

  emit(...args: Args): void {
    for (const listener of this.listeners) listener(...args);
  }
}
