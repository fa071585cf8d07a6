package jp.go.meti.aifund.scoring;

/** Which way a KPI improves: parameters trained grow ({@code AT_LEAST}), energy per run shrinks ({@code AT_MOST}). */
public enum Direction {
    AT_LEAST,
    AT_MOST
}
