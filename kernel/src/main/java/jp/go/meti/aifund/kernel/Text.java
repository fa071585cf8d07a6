package jp.go.meti.aifund.kernel;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A text a person reads, by key and arguments, rendered in their language from the message bundles:
 * {@code i18n/<module>.properties} (English) and {@code i18n/<module>_ja.properties}, the module being
 * the key's first segment ({@code funding.hearing.not-heard} is in {@code i18n/funding}). Arguments are
 * rendered for the language: a {@link LocalDate} as 2026-04-01 or 2026年4月1日, an instant as ISO or
 * 2026年4月1日 9:00 JST, a {@link FiscalYearArg}
 * as FY2026 or 令和8年度, a {@link Yen} as ¥1,000,000,000,000 or 1兆円, a {@link Noun} by its own key,
 * {@link Items} one after another. A number is grouped (1,000); one that should not be is passed as a string.
 */
public record Text(String key, Object... args) {

    public static final Locale JAPANESE = Locale.JAPANESE;
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A fiscal year, said as the language says it. */
    public record FiscalYearArg(int year) {
    }

    /** An amount of money in yen, exact in English; in 兆・億 円 in Japanese, with the exact yen where that rounds. */
    public record Yen(long amount) {
    }

    /** A thing named in English in code ("hearing"), said in the language by its key {@code <module>.noun.<name>}. */
    public record Noun(String module, String name) {
    }

    /** Items said one after another: "a, b" in English, "a、b" in Japanese; each may be a text itself. */
    public record Items(java.util.List<?> items) {
    }

    public static FiscalYearArg fiscalYear(int year) {
        return new FiscalYearArg(year);
    }

    public static Yen yen(long amount) {
        return new Yen(amount);
    }

    /** The text in {@code locale} (Japanese, else English). */
    public String in(Locale locale) {
        Locale language = isJapanese(locale) ? JAPANESE : Locale.ENGLISH;
        Object[] rendered = Arrays.stream(args).map(a -> render(a, language)).toArray();
        return new MessageFormat(pattern(key, language), language).format(rendered);
    }

    public static boolean isJapanese(Locale locale) {
        return locale != null && JAPANESE.getLanguage().equals(locale.getLanguage());
    }

    /** The key's pattern in the language's bundle; a key missing there is a defect the bundle tests catch. */
    public static String pattern(String key, Locale language) {
        String module = key.substring(0, key.indexOf('.'));
        ResourceBundle bundle = ResourceBundle.getBundle("i18n." + module,
                isJapanese(language) ? JAPANESE : Locale.ROOT, Text.class.getClassLoader(), NO_FALLBACK);
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " in i18n/" + module + " for " + language, e);
        }
    }

    private static Object render(Object arg, Locale language) {
        boolean ja = isJapanese(language);
        if (arg instanceof LocalDate day) {
            return ja ? day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日" : day.toString();
        }
        if (arg instanceof java.time.Instant at && ja) { // a moment, as a Japanese reader says it: in Japan's time
            java.time.ZonedDateTime t = at.atZone(FiscalYear.JAPAN);
            return String.format("%d年%d月%d日 %d:%02d JST", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                    t.getMinute());
        }
        if (arg instanceof FiscalYearArg fy) {
            int reiwa = fy.year() - 2018; // 令和元年度 is FY2019
            return ja ? "令和" + (reiwa == 1 ? "元" : reiwa) + "年度" : "FY" + fy.year();
        }
        if (arg instanceof Yen y) {
            return ja ? japaneseYen(y.amount()) : String.format(Locale.ENGLISH, "¥%,d", y.amount());
        }
        if (arg instanceof Noun n) {
            String nounKey = n.module() + ".noun." + n.name().replace(' ', '-');
            try {
                return pattern(nounKey, language);
            } catch (IllegalStateException missing) {
                return n.name();
            }
        }
        if (arg instanceof Text text) {
            return text.in(language);
        }
        if (arg instanceof Items list) {
            return String.join(ja ? "、" : ", ", list.items().stream().map(i -> String.valueOf(render(i, language))).toList());
        }
        return arg instanceof Number ? arg : String.valueOf(arg); // numbers grouped by MessageFormat; years as FiscalYearArg
    }

    private static final long TRILLION = 1_000_000_000_000L;
    private static final long HUNDRED_MILLION = 100_000_000L;
    private static final long TEN_THOUSAND = 10_000L;

    /** ¥200,000,000,001 → 約2,000億円（¥200,000,000,001）; ¥1,000,000,000,000 → 1兆円. */
    static String japaneseYen(long amount) {
        String shown;
        long rest;
        if (amount >= HUNDRED_MILLION) {
            long cho = amount / TRILLION, oku = amount % TRILLION / HUNDRED_MILLION;
            shown = (cho > 0 ? String.format(Locale.ENGLISH, "%,d兆", cho) : "") + (oku > 0 ? String.format(Locale.ENGLISH, "%,d億", oku) : "");
            rest = amount % HUNDRED_MILLION;
        } else if (amount >= TEN_THOUSAND) {
            shown = String.format(Locale.ENGLISH, "%,d万", amount / TEN_THOUSAND);
            rest = amount % TEN_THOUSAND;
        } else {
            shown = String.format(Locale.ENGLISH, "%,d", amount);
            rest = 0;
        }
        return rest == 0 ? shown + "円" : "約" + shown + "円（" + String.format(Locale.ENGLISH, "¥%,d", amount) + "）";
    }

    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }
}
