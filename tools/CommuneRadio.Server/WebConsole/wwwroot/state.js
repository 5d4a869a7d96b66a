// A station's state as the console colours it, from GET /api/stations (last state, onAir of the last health, faults):
// emergency on air > on air > faulty > offline > never connected > ready.
export const STATES = ["emergency", "onair", "faulty", "offline", "unknown", "idle"];

export function stateOf(s) {
  const onAir = s.onAir;
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

/** The groups a token schedules for, as targets g/…: its communes, and for a province or national token also its provinces first. */
export function scheduleTargets(me) {
  const provinces = me.role === "province" || me.role === "national" ? me.groups.filter((g) => g.startsWith("prov.")) : [];
  return provinces.concat(me.groups.filter((g) => g.startsWith("com."))).map((g) => "g/" + g);
}

/** How often a page polls GET /api/stations: every 2 s for a commune, less often as the list grows (5,000 stations are about 1.4 MiB brief). */
export function pollMs(count) {
  return count <= 500 ? 2000 : count <= 2000 ? 5000 : 10000;
}
