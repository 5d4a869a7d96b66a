// A station's state as the console colours it, from GET /api/stations (last state, health, faults):
// emergency on air > on air > faulty > offline > never connected > ready.
export const STATES = ["emergency", "onair", "faulty", "offline", "unknown", "idle"];

export function stateOf(s) {
  const onAir = s.health && s.health.on_air;
  if (s.online === true && onAir && onAir.class === "emergency") {
    return "emergency";
  }
  if (s.online === true && onAir) {
    return "onair";
  }
  if (s.online === true && s.faults.length > 0) {
    return "faulty";
  }
  if (s.online === false) {
    return "offline";
  }
  if (s.online === null || s.online === undefined) {
    return "unknown";
  }
  return "idle";
}

/** The communes (groups "com.…") a token covers, as targets g/…; the token's own scope first. */
export function communeTargets(me) {
  const communes = me.groups.filter((g) => g.startsWith("com."));
  return communes.map((g) => "g/" + g);
}
