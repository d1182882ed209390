/// AOPPlan: the human-edited files — the config (what to read, where to write, the channels) and the
/// plan (goals and budget) — and the baseline file the goals are measured against.
///
/// Steps: decode loosely (TOML) → validate into strict values, with messages naming the file and key.
public enum AOPPlanModule {}
