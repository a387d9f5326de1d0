package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog ({@link ErrorCode}) and the code stay in step: every code string the sources hand to the error model is
 * a catalog entry, every catalog entry is used, and no code is assembled at run time. The sources are read as text:
 * a code is a string literal (or a {@code XxxCodes.ERROR_CODE} constant) at the code position of a call that takes
 * one ({@link #CODE_ARGUMENTS}); a method declaring a {@code String code} parameter that this table does not know
 * fails the test, so a new helper cannot hide codes from it.
 */
class ErrorCodeCatalogTest {

    private static final Path MAIN_JAVA = Path.of("src", "main", "java");
    private static final Path MAIN_RESOURCES = Path.of("src", "main", "resources");

    /** Calls that take an error code → the position of the code among their arguments. */
    private static final Map<String, Integer> CODE_ARGUMENTS = Map.ofEntries(
            Map.entry("HubException.badRequest", 0),
            Map.entry("HubException.notFound", 0),
            Map.entry("HubException.forbidden", 0),
            Map.entry("HubException.conflict", 0),
            Map.entry("HubException.unprocessable", 0),
            Map.entry("HubException.tooManyRequests", 0),
            Map.entry("HubException.serviceUnavailable", 0),
            Map.entry("new HubException", 1),
            Map.entry("Problem.of", 1),
            Map.entry("new Problem", 5),
            Map.entry("new FieldError", 1),
            Map.entry("new CodeViolation", 0),
            Map.entry("new Unbound", 0),
            Map.entry("Codes.violation", 0),
            Map.entry("checks.error", 1),
            Map.entry("checks.warning", 1),
            Map.entry("unauthorized", 0),
            Map.entry("refuse", 2));

    /** Declarations with a code parameter → the name the table knows them by (helpers are called unqualified). */
    private static final Map<String, String> CODE_DECLARATIONS = Map.ofEntries(
            Map.entry("HubException.HubException", "new HubException"),
            Map.entry("HubException.badRequest", "HubException.badRequest"),
            Map.entry("HubException.notFound", "HubException.notFound"),
            Map.entry("HubException.forbidden", "HubException.forbidden"),
            Map.entry("HubException.conflict", "HubException.conflict"),
            Map.entry("HubException.unprocessable", "HubException.unprocessable"),
            Map.entry("HubException.tooManyRequests", "HubException.tooManyRequests"),
            Map.entry("HubException.serviceUnavailable", "HubException.serviceUnavailable"),
            Map.entry("Problem.of", "Problem.of"),
            Map.entry("Problem.Problem", "new Problem"),
            Map.entry("FieldError.FieldError", "new FieldError"),
            Map.entry("CodeViolation.CodeViolation", "new CodeViolation"),
            Map.entry("Scope.Unbound", "new Unbound"),
            Map.entry("Codes.violation", "Codes.violation"),
            Map.entry("RecordValidator.error", "checks.error"),
            Map.entry("RecordValidator.warning", "checks.warning"),
            Map.entry("CallbackVerifier.unauthorized", "unauthorized"),
            Map.entry("BodyLimits.refuse", "refuse"));

    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern CONSTANT = Pattern.compile("([A-Z]\\w*)\\.ERROR_CODE");
    private static final Pattern CONSTANT_DECLARATION =
            Pattern.compile("class\\s+(\\w+)[\\s\\S]*?String\\s+ERROR_CODE\\s*=\\s*\"([A-Z_0-9]+)\"");
    private static final Pattern ANNOTATION = Pattern.compile("@ErrorCode\\(([^)]*)\\)");
    private static final Pattern CATALOG_REFERENCE = Pattern.compile("\\bErrorCode\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern CALL = Pattern.compile("(new\\s+)?((?:[A-Za-z_]\\w*\\.)?[A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern TYPED_PARAMETER = Pattern.compile("([A-Za-z_][\\w.<>\\[\\]]*)\\s+(\\w+)$");
    private static final Pattern SQL_CODE = Pattern.compile("'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'");

    /** What the scan found: codes used (with the files using them), problems, catalog entries referenced. */
    record Scan(Map<String, Set<String>> codes, List<String> problems, Set<String> referenced) {}

    @Test
    void everyCodeInTheSourcesIsInTheCatalog() {
        Scan scan = scanSources();
        Set<String> catalog = catalogNames();
        List<String> missing = new ArrayList<>();
        scan.codes().forEach((code, files) -> {
            if (!catalog.contains(code)) {
                missing.add(code + " (used in " + String.join(", ", files) + ")");
            }
        });
        assertThat(scan.problems()).as("code arguments the scan cannot check").isEmpty();
        assertThat(missing)
                .as("codes missing from common/ErrorCode: add each with its status and description")
                .isEmpty();
    }

    @Test
    void everyCatalogEntryIsUsed() {
        Scan scan = scanSources();
        Set<String> unused = new TreeSet<>(catalogNames());
        unused.removeAll(scan.codes().keySet());
        unused.removeAll(scan.referenced());
        assertThat(unused)
                .as("catalog entries no source uses: remove them or use them")
                .isEmpty();
    }

    @Test
    void everyEntryHasAStatusAndDescriptions() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.status()).as(code.name()).isBetween(200, 599);
            assertThat(code.description()).as(code.name()).isNotBlank().doesNotContain("\n");
            assertThat(code.descriptionZh()).as(code.name()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void scanFindsAnUncataloguedCodeAndADynamicOne() {
        String source = """
                class Fake {
                    void f() {
                        throw HubException.badRequest("NO_SUCH_CODE_IN_THE_CATALOG", "detail");
                    }
                    void g(Checks checks, String field) {
                        checks.error(field == null ? "a" : "b", "ANOTHER_FAKE_CODE", "message");
                        errors.add(new FieldError("x", "CERTIFICATE_" + status, "message"));
                    }
                }
                """;
        Scan scan = new Scan(new TreeMap<>(), new ArrayList<>(), new TreeSet<>());
        scanJava("Fake.java", source, Map.of(), scan);

        assertThat(scan.codes()).containsOnlyKeys("NO_SUCH_CODE_IN_THE_CATALOG", "ANOTHER_FAKE_CODE");
        assertThat(catalogNames()).doesNotContain("NO_SUCH_CODE_IN_THE_CATALOG", "ANOTHER_FAKE_CODE");
        assertThat(scan.problems())
                .singleElement()
                .asString()
                .contains("Fake.java")
                .contains("\"CERTIFICATE_\" + status");
    }

    @Test
    void scanRejectsAHelperTakingACodeThatItDoesNotKnow() {
        Scan scan = new Scan(new TreeMap<>(), new ArrayList<>(), new TreeSet<>());
        scanJava(
                "Helper.java",
                "class Helper { static HubException gone(int status, String code, String detail) {} }",
                Map.of(),
                scan);

        assertThat(scan.problems()).singleElement().asString().contains("Helper.gone");
    }

    private static Set<String> catalogNames() {
        return Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Scan scanSources() {
        Scan scan = new Scan(new TreeMap<>(), new ArrayList<>(), new TreeSet<>());
        Map<String, String> javaSources = read(MAIN_JAVA, ".java");
        Map<String, String> constants = new TreeMap<>();
        javaSources.values().forEach(text -> {
            Matcher m = CONSTANT_DECLARATION.matcher(text);
            if (m.find()) {
                constants.put(m.group(1), m.group(2));
            }
        });
        assertThat(constants).as("ERROR_CODE constants of the code validators").isNotEmpty();
        javaSources.forEach((file, text) -> {
            if (!file.endsWith("common/ErrorCode.java")) {
                scanJava(file, text, constants, scan);
            }
        });
        read(MAIN_RESOURCES, ".sql")
                .forEach((file, text) -> text.lines()
                        .filter(line -> line.contains("error_code")
                                || line.toLowerCase().contains("raise"))
                        .forEach(line -> {
                            Matcher m = SQL_CODE.matcher(line);
                            while (m.find()) {
                                use(scan, m.group(1), file);
                            }
                        }));
        assertThat(scan.codes())
                .as("codes found (is the scan looking at the right files?)")
                .hasSizeGreaterThan(50);
        return scan;
    }

    static void scanJava(String file, String source, Map<String, String> constants, Scan scan) {
        String text = withoutComments(source);
        String owner = file.replaceAll(".*/", "").replace(".java", "");
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            String name = (call.group(1) != null ? "new " : "") + call.group(2);
            List<String> arguments = arguments(text, call.end() - 1);
            declaration(owner, call.group(2), arguments)
                    .ifPresent(problem -> scan.problems().add(file + ": " + problem));
            Integer position = CODE_ARGUMENTS.get(name);
            if (position == null || arguments.size() <= position) {
                continue;
            }
            String argument = arguments.get(position);
            Matcher literal = CODE_LITERAL.matcher(argument);
            Matcher constant = CONSTANT.matcher(argument);
            if (literal.matches()) {
                use(scan, literal.group(1), file);
            } else if (constant.matches() && constants.containsKey(constant.group(1))) {
                use(scan, constants.get(constant.group(1)), file);
            } else if (argument.contains("\"")) {
                scan.problems().add(file + ": code built at run time: " + name + "(... " + argument + " ...)");
            }
        }
        Matcher annotation = ANNOTATION.matcher(text);
        while (annotation.find()) {
            String value = annotation.group(1).strip();
            Matcher literal = CODE_LITERAL.matcher(value);
            Matcher constant = CONSTANT.matcher(value);
            if (literal.matches()) {
                use(scan, literal.group(1), file);
            } else if (constant.matches() && constants.containsKey(constant.group(1))) {
                use(scan, constants.get(constant.group(1)), file);
            } else if (!value.equals("String value();") && !value.isEmpty()) {
                scan.problems().add(file + ": @ErrorCode value the scan cannot read: " + value);
            }
        }
        Matcher constantDeclaration = CONSTANT_DECLARATION.matcher(text);
        if (constantDeclaration.find()) {
            use(scan, constantDeclaration.group(2), file);
        }
        Matcher reference = CATALOG_REFERENCE.matcher(text);
        while (reference.find()) {
            scan.referenced().add(reference.group(1));
        }
    }

    /**
     * A declaration that takes an error code (a {@code code} parameter next to a {@code detail} or {@code message}
     * one) and that {@link #CODE_DECLARATIONS} does not list, as a problem.
     */
    private static Optional<String> declaration(String owner, String name, List<String> parameters) {
        if (name.contains(".")) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        boolean codeParameter = false;
        for (String parameter : parameters) {
            Matcher typed = TYPED_PARAMETER.matcher(parameter);
            if (!typed.find()) {
                return Optional.empty();
            }
            names.add(typed.group(2));
            codeParameter |= typed.group(2).equals("code")
                    && (typed.group(1).equals("String") || typed.group(1).equals("ErrorCode"));
        }
        String key = owner + "." + name;
        if (codeParameter
                && (names.contains("detail") || names.contains("message"))
                && !CODE_DECLARATIONS.containsKey(key)) {
            return Optional.of(key + " takes an error code: list it in CODE_ARGUMENTS and CODE_DECLARATIONS");
        }
        return Optional.empty();
    }

    /** The source with comments blanked out (string, text block and char literals kept). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfString(source, i);
                out.append(source, i, end + 1);
                i = end;
            } else if (c == '\'' && i + 2 < source.length()) {
                int end = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) : i + 2;
                out.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = (end < 0 ? source.length() : end) - 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = (end < 0 ? source.length() : end + 2) - 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void use(Scan scan, String code, String file) {
        scan.codes().computeIfAbsent(code, c -> new TreeSet<>()).add(file);
    }

    /** The top-level arguments of the call whose '(' is at {@code open}, stripped (string literals kept whole). */
    static List<String> arguments(String text, int open) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                current.append(text, i, end + 1);
                i = end;
                continue;
            }
            if (c == '\'' && i + 2 < text.length()) {
                int end = text.charAt(i + 1) == '\\' ? text.indexOf('\'', i + 3) : i + 2;
                current.append(text, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                if (depth == 1) {
                    continue;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    if (!current.toString().isBlank() || !arguments.isEmpty()) {
                        arguments.add(current.toString().strip());
                    }
                    return arguments;
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return arguments;
    }

    private static int endOfString(String text, int start) {
        if (text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static Map<String, String> read(Path root, String suffix) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
