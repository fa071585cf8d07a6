package jp.go.meti.aifund.funding.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON some records keep in a text column (a hearing's parts, evidence references), written and read back. */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code value}, as {@link #write} wrote it; {@code owner} names the record in the error if it cannot be read. */
    public <T> T read(String value, Class<T> type, Object owner) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(owner + " keeps unreadable JSON", e);
        }
    }
}
