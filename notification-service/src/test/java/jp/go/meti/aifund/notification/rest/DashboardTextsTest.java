package jp.go.meti.aifund.notification.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;

/**
 * The dashboard's texts live in one bundle per language (i18n/en.json, i18n/ja.json): a key in one
 * language only, a placeholder one translation lacks, or a key the page uses that no bundle has fails
 * here, without a browser.
 */
class DashboardTextsTest {

    private static final String DASHBOARD = "/META-INF/resources/dashboard/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern USED = Pattern.compile("data-i18n(?:-title|-aria-label)?=\"([\\w.]+)\"|\\bt\\('([\\w.]+)'[,)]");

    @Test
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = bundle("en"), ja = bundle("ja");
        assertThat(ja.keySet()).as("keys in one language only").isEqualTo(en.keySet());
        en.forEach((key, text) -> {
            assertThat(text).as(key).isNotBlank();
            assertThat(ja.get(key)).as(key).isNotBlank();
            assertThat(placeholders(ja.get(key))).as("the placeholders of " + key).isEqualTo(placeholders(text));
        });
    }

    @Test
    void everyKeyThePageUsesAndEveryCodeItLabelsHasATextAndJapaneseIsJapanese() throws IOException {
        Map<String, String> en = bundle("en"), ja = bundle("ja");
        Set<String> used = new TreeSet<>();
        for (String file : new String[] {"index.html", "dashboard.js"}) {
            Matcher m = USED.matcher(read(file));
            while (m.find()) {
                used.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(en.keySet()).containsAll(used);
        Stream.concat(Stream.of(WarningKind.values()).map(Enum::name), Stream.of(Severity.values()).map(Enum::name))
                .forEach(code -> assertThat(en).containsKey("label." + code));
        // a Japanese text that is the English one was left untranslated (but codes like "Webhook" may stay)
        assertThat(en.keySet()).filteredOn(k -> en.get(k).equals(ja.get(k))).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, String> bundle(String language) throws IOException {
        return new ObjectMapper().readValue(read("i18n/" + language + ".json"), new TypeReference<>() { });
    }

    private static String read(String file) throws IOException {
        try (InputStream in = DashboardTextsTest.class.getResourceAsStream(DASHBOARD + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
