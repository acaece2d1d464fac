// The report catalogue in the sidebar, by category; filled from the engine's report registry once it exists.
export function ReportNav() {
  return null;
}
