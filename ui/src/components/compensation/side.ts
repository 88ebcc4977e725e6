/** The two plans the Compensation page compares: the one in force and the one drafted. */
export type Side = "current" | "proposed";
