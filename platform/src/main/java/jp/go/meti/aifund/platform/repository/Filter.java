package jp.go.meti.aifund.platform.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Panache query from optional equality (and membership) filters, as list endpoints take them: a filter whose
 * value is absent is left out. Field names are entity properties and name their own parameters.
 */
public final class Filter {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    public Filter and(String property, Object value) {
        if (value != null) {
            query.append(" and ").append(property).append(" = :").append(property);
            parameters.put(property, value);
        }
        return this;
    }

    /** Keeps the rows whose property is one of {@code values}, when given (an empty set keeps none). */
    public Filter in(String property, Optional<? extends Collection<?>> values) {
        values.ifPresent(v -> {
            String name = property + "In";
            if (v.isEmpty()) {
                query.append(" and 1 = 0");
            } else {
                query.append(" and ").append(property).append(" in :").append(name);
                parameters.put(name, v);
            }
        });
        return this;
    }

    /** Keeps the rows whose property is absent or one of {@code values}, when given (an empty set: absent only). */
    public Filter absentOrIn(String property, Optional<? extends Collection<?>> values) {
        values.ifPresent(v -> {
            String name = property + "AbsentOrIn";
            if (v.isEmpty()) {
                query.append(" and ").append(property).append(" is null");
            } else {
                query.append(" and (").append(property).append(" is null or ").append(property).append(" in :")
                        .append(name).append(")");
                parameters.put(name, v);
            }
        });
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
