package jp.go.meti.aifund.platform.review;

/** Which way a KPI improves: parameters trained grow ({@code AT_LEAST}), energy per run shrinks ({@code AT_MOST}). */
public enum Direction {
    AT_LEAST,
    AT_MOST
}
