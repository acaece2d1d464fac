// The time of the last successful sync of any source, for the top bar badge; undefined while the engine has
// no sync domain (then the badge says nothing about syncing rather than guessing).
export function useLastSync(): string | null | undefined {
  return undefined;
}
