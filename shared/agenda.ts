// The owner's days ahead and what changed: the agenda (bookings, occupancy ahead, gaps to fill, no-shows to
// reschedule) and the dashboard alerts, as plain data. Names travel with ids; the renderer shows the names.

/** Booked minutes over available minutes (the occupancy report's one definition), per day of the range. */
export interface AgendaOccupancyCell {
  bookedMinutes: number;
  availableMinutes: number;
  /** null when nothing is available that day (closed, or no active professional). */
  occupancy: number | null;
}

/** A unit's or a professional's occupancy over the range, with one cell per day of `AgendaResult.days`. */
export interface AgendaOccupancyLine extends AgendaOccupancyCell {
  id: string;
  name: string | null;
  /** The professional's unit (professional lines only). */
  unitId?: string | null;
  unitName?: string | null;
  bookings: number;
  perDay: AgendaOccupancyCell[];
}

export interface AgendaBooking {
  saleId: string;
  day: string;
  /** Business-local start, HH:MM. */
  time: string;
  status: 'booked' | 'confirmed';
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  services: string | null;
  employeeId: string | null;
  employeeName: string | null;
  locationId: string | null;
  locationName: string | null;
  minutes: number;
  /** Decimal text. */
  total: string;
}

export interface AgendaGap {
  day: string;
  /** HH:MM, business-local. */
  start: string;
  end: string;
  minutes: number;
  employeeId: string;
  employeeName: string | null;
  locationName: string | null;
}

export interface AgendaNoShow {
  saleId: string;
  day: string;
  time: string;
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  services: string | null;
  employeeName: string | null;
  locationName: string | null;
  /** The customer's next booked or confirmed appointment (business date), when already rescheduled. */
  nextBooking: string | null;
}

export interface AgendaResult {
  today: string;
  from: string;
  to: string;
  /** Every business date of the range, in order. */
  days: string[];
  summary: AgendaOccupancyCell & { bookings: number; gaps: number; gapMinutes: number };
  units: AgendaOccupancyLine[];
  professionals: AgendaOccupancyLine[];
  bookings: { rows: AgendaBooking[]; total: number };
  /** Free stretches of at least `minMinutes` inside opening hours (from now on, today). */
  gaps: { rows: AgendaGap[]; total: number; minMinutes: number };
  /** No-shows of the last open day before today (null when none in the week before). */
  noShows: { day: string | null; rows: AgendaNoShow[] };
  /** What the unit and professional filters offer. */
  options: { units: { id: string; name: string | null }[]; professionals: { id: string; name: string | null; unitId: string | null }[] };
}

/** A good customer (RFM Champions or Loyal) past her usual interval between visits, with no booking ahead. */
export interface OverdueCustomer {
  customerId: string;
  name: string | null;
  phone: string | null;
  cluster: 'champions' | 'loyal';
  lastVisit: string;
  /** Median days between her visits. */
  usualDays: number;
  daysSince: number;
  visits: number;
  /** Decimal text: what she spent in the RFM window. */
  monetary: string;
  lastEmployeeName: string | null;
  lastLocationName: string | null;
}

export interface OverdueResult {
  asOf: string;
  /** Overdue when days since the last visit exceed this many times the usual interval. */
  factor: number;
  rows: OverdueCustomer[];
  total: number;
}

export type AlertKind = 'unit_week' | 'employee_week' | 'no_show_rise' | 'overdue_customers';

/** One "what changed" line: the figures behind its sentence and where the rows behind it are. */
export interface DashboardAlert {
  kind: AlertKind;
  /** below = worse than usual (less revenue, more no-shows, customers overdue); above = better. */
  direction: 'below' | 'above';
  subjectId: string | null;
  subjectName: string | null;
  /** This week's figure and the usual one (money as decimal text, rates as fractions, counts as numbers). */
  value: string | number;
  usual: string | number | null;
  /** Relative change against the usual figure (0.4 = 40% more), when there is one. */
  change: number | null;
  /** Where the rows are: an app path and its query. */
  link: { path: string; query: Record<string, string> };
}

export interface AlertsResult {
  today: string;
  /** The week compared: the 7 business days ending yesterday. */
  weekFrom: string;
  weekTo: string;
  /** How many earlier weeks make the usual week. */
  baselineWeeks: number;
  /** A unit or professional is flagged when its week is this far (fraction) off its usual week... */
  weekThreshold: number;
  /** ...and by at least this much money (decimal text), so small figures do not flag... */
  minMoneyChange: string;
  /** ...and by this many standard deviations of its own baseline weeks. */
  weekSigmas: number;
  alerts: DashboardAlert[];
}
