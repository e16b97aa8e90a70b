package dev.schemaguard.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Storage parameters ({@code WITH (fillfactor=70, toast.autovacuum_enabled=false)}) as the model holds them: a list
 * of {@code name=value} strings, as pg_class.reloptions spells them. Names are checked here, so that a parameter
 * from an untrusted file can never carry SQL; values are written as literals where they are more than one word.
 */
public final class StorageParameters {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    private StorageParameters() {
    }

    /** {@code parameters}, unchanged, once each is a {@code name=value} with a valid name, no name twice. */
    public static List<String> requireValid(List<String> parameters, String owner) {
        List<String> copy = parameters == null ? List.of() : List.copyOf(parameters);
        Set<String> names = new HashSet<>();
        for (String parameter : copy) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("storage parameter '" + parameter + "' of " + owner
                        + " is not name=value with a lower-case parameter name such as fillfactor=70");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(owner + " sets storage parameter " + name + " twice");
            }
        }
        return copy;
    }

    /** Whether {@code name} can be a parameter name: lower case, with at most one namespace ({@code toast.}). */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    public static String name(String parameter) {
        return parameter.substring(0, parameter.indexOf('='));
    }

    public static String value(String parameter) {
        return parameter.substring(parameter.indexOf('=') + 1);
    }

    /** {@code name=value} for SQL: the value as it is when it is one plain word or number, else a string literal. */
    public static String sql(String parameter) {
        String value = value(parameter);
        return name(parameter) + "=" + (PLAIN_VALUE.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'");
    }
}
