package jp.go.meti.aifund.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every module's texts ({@code src/main/resources/i18n/<module>.properties} and its {@code _ja}
 * twin): a key in one language only, a placeholder the English lacks, a pattern MessageFormat
 * cannot read or a Japanese text left in English fails here. And the arguments as officials read them.
 */
class TextBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[},]");

    @Test
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        List<Path> english = englishBundles();
        assertThat(english).extracting(p -> p.getFileName().toString())
                .contains("kernel.properties", "platform.properties", "funding.properties", "milestone.properties");
        for (Path en : english) {
            Path ja = en.resolveSibling(en.getFileName().toString().replace(".properties", "_ja.properties"));
            Properties english1 = read(en), japanese = read(ja);
            assertThat(japanese.stringPropertyNames()).as("keys of " + ja + " against " + en)
                    .isEqualTo(english1.stringPropertyNames());
            for (String key : english1.stringPropertyNames()) {
                String e = english1.getProperty(key), j = japanese.getProperty(key);
                assertThat(j).as(key).isNotBlank();
                // a translation may leave out an argument written in English in code (kernel.four-eyes' steps), never add one
                assertThat(placeholders(j)).as("placeholders of " + key).isSubsetOf(placeholders(e));
                assertThatCode(() -> new MessageFormat(e, Locale.ENGLISH)).as(key).doesNotThrowAnyException();
                assertThatCode(() -> new MessageFormat(j, Locale.JAPANESE)).as(key).doesNotThrowAnyException();
                boolean wordless = e.replaceAll("\\{\\d+[^}]*}", "").chars().noneMatch(Character::isLetter);
                if (!wordless) {
                    assertThat(j).as("the Japanese of " + key + " is still English").isNotEqualTo(e);
                }
            }
        }
    }

    @Test
    void fiscalYearsDaysAndYenAreSaidAsEachLanguageWritesThem() {
        Text noticed = new Text("kernel.not-found", new Text.Noun("kernel", "hearing"), "h-1");
        assertThat(noticed.in(Locale.ENGLISH)).isEqualTo("hearing h-1 does not exist");
        assertThat(noticed.in(Locale.JAPAN)).isEqualTo("指定された弁明の機会（h-1）は存在しません");
        assertThat(new Text("kernel.not-found", new Text.Noun("kernel", "unheard of"), 1).in(Locale.JAPANESE))
                .as("a thing with no Japanese name keeps its English one").contains("unheard of");
        assertThat(Text.japaneseYen(1_000_000_000_000L)).isEqualTo("1兆円");
        assertThat(Text.japaneseYen(1_234_500_000_000L)).isEqualTo("1兆2,345億円");
        assertThat(Text.japaneseYen(200_000_000_001L)).isEqualTo("約2,000億円（¥200,000,000,001）");
        assertThat(Text.japaneseYen(50_000_000L)).isEqualTo("5,000万円");
        assertThat(Text.japaneseYen(999L)).isEqualTo("999円");
        assertThat(Text.japaneseYen(0L)).isEqualTo("0円");
    }

    @Test
    void theArgumentsFollowTheLanguage() {
        Text fy = new Text("kernel.four-eyes", Text.fiscalYear(2026), LocalDate.of(2026, 4, 1), Text.fiscalYear(2019),
                Text.yen(1_000_000_000_000L));
        assertThat(fy.in(Locale.ENGLISH)).isEqualTo("FY2026 2026-04-01 FY2019 and so cannot ¥1,000,000,000,000 it: "
                + "another person must");
        Text ja = new Text("kernel.not-found", Text.fiscalYear(2026), LocalDate.of(2026, 4, 1));
        assertThat(ja.in(Locale.JAPANESE)).isEqualTo("指定された令和8年度（2026年4月1日）は存在しません");
        assertThat(new Text("kernel.not-found", Text.fiscalYear(2019), Text.yen(1)).in(Locale.JAPANESE))
                .isEqualTo("指定された令和元年度（1円）は存在しません");
    }

    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize(), 6)) {
            return files.filter(p -> p.toString().replace('\\', '/').contains("/src/main/resources/i18n/")
                    || p.toString().replace('\\', '/').endsWith("/src/main/resources/ValidationMessages.properties"))
                    .filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_")).sorted().toList();
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** A bundle's texts; a key given twice fails (the later would silently replace the earlier). */
    private static Properties read(Path file) throws IOException {
        assertThat(file).exists();
        List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
        assertThat(keys).as("keys given twice in " + file).doesNotHaveDuplicates();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
