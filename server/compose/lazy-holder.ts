import type { SubjectDataHolder } from '../../privacy';

/**
 * A data holder whose capability is built after privacy (it needs privacy's pseudonymizer), so privacy
 * is handed a stand-in that forwards once the real one exists.
 */
export function lazyHolder(name: string, resolve: () => SubjectDataHolder | undefined): SubjectDataHolder {
  const holder = () => {
    const real = resolve();
    if (!real) throw new Error(`${name} is not ready yet`);
    return real;
  };
  return {
    name,
    export: (shopId, subject) => holder().export(shopId, subject),
    erase: (shopId, subject) => holder().erase(shopId, subject),
  };
}
