package org.supervisionhub.adapter.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docking kit checks an adapter folder offline, as the hub would treat it: a copy of a shipped folder passes, and
 * each deliberate break is reported at its file, line and field, in Chinese and English, with exit code 1.
 */
class DockingKitTest {

    private static final Path ADAPTERS = Path.of("adapters");
    private static final Path SCHEMA = ADAPTERS.resolve("descriptor.schema.json");
    private static final Path EVENTS = Path.of("openapi", "events.asyncapi.yaml");

    static Stream<String> shippedFolders() throws IOException {
        try (Stream<Path> folders = Files.list(ADAPTERS)) {
            return folders
                    .filter(folder -> Files.isRegularFile(folder.resolve("adapter.yaml")))
                    .map(Path::toString)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** The kit's command line, in-process: exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {}

    private static Run kit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DockingKit.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of a shipped folder in a fresh directory, where neither the schema nor the contract lies beside it. */
    private static Path copy(String system, Path directory) throws IOException {
        Path source = ADAPTERS.resolve(system);
        Path target = directory.resolve(system);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    /** Replaces one text in a file (which must hold it) and answers the 1-based line it is on. */
    private static int replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertThat(at).as("%s holds %s", file, from).isNotNegative();
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String[] args(Path folder) {
        return new String[] {"--schema", SCHEMA.toString(), "--events", EVENTS.toString(), folder.toString()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFolders")
    void everyShippedAdapterFolderPassesTheKit(String folder) throws IOException {
        DockingKit.Result result =
                DockingKit.check(Path.of(folder), DockingKit.Contracts.locate(Path.of(folder), null, null));

        assertThat(result.problems()).as(folder).isEmpty();
    }

    @Test
    void aCopiedFolderPassesWithExitCodeZero(@TempDir Path directory) throws IOException {
        Path folder = copy("hotline-12345", directory);

        Run run = kit(args(folder));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("检查通过")
                .contains("passed, nothing to fix")
                .contains("1 records");
    }

    @Test
    void aBrokenMappingIsReportedAtItsLineAndField(@TempDir Path directory) throws IOException {
        Path folder = copy("hotline-12345", directory);
        int line = replace(
                folder.resolve("adapter.yaml"),
                "subject.creditCode: { path: bfydx.dm }",
                "subject.creditCode: { path: bfydx.mc }");

        Run run = kit(args(folder));

        assertThat(run.exitCode()).isEqualTo(1);
        String place = folder.resolve("adapter.yaml") + ":" + line + " [inbound.complaints.fields.subject.creditCode]";
        assertThat(run.out())
                .contains(place + "\n  中文: 样例 complaints.json 第 1 条记录的 subject.creditCode 映射为 \"南宁市某某超市有限公司\"")
                .contains("English: record 1 of complaints.json maps subject.creditCode to \"南宁市某某超市有限公司\", "
                        + "complaints.canonical.json expects \"91450103MA5K00000N\"");
        DockingKit.Result result = DockingKit.check(folder, DockingKit.Contracts.locate(folder, SCHEMA, EVENTS));
        assertThat(result.problems())
                .extracting(KitProblem::line, KitProblem::field)
                .containsOnly(
                        org.assertj.core.groups.Tuple.tuple(line, "inbound.complaints.fields.subject.creditCode"));
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.english()).contains("breaks the data standard"));
    }

    @Test
    void aCodeTheTablesLackIsReportedAsTheMappingFailureTheHubAnswers(@TempDir Path directory) throws IOException {
        Path folder = copy("hotline-12345", directory);
        int line = replace(folder.resolve("adapter.yaml"), "    投诉: COMPLAINT\n", "    申诉: COMPLAINT\n");
        int rule = (int) Files.readAllLines(folder.resolve("adapter.yaml")).stream()
                        .takeWhile(text -> !text.contains("complaint.complaintType:"))
                        .count()
                + 1;

        DockingKit.Result result = DockingKit.check(folder, DockingKit.Contracts.locate(folder, SCHEMA, EVENTS));

        assertThat(line).isGreaterThan(rule);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(rule);
            assertThat(problem.field()).isEqualTo("inbound.complaints.fields.complaint.complaintType");
            assertThat(problem.chinese()).contains("MAPPING_FAILED");
            assertThat(problem.english()).contains("code '投诉' has no standard counterpart in code table appeal-types");
        });
    }

    @Test
    void anUnknownDescriptorKeyIsReportedBySchemaAndHubWithItsLine(@TempDir Path directory) throws IOException {
        Path folder = copy("hotline-12345", directory);
        int line = replace(
                folder.resolve("adapter.yaml"), "    records: data.workOrders\n", "    recrods: data.workOrders\n");

        Run run = kit(args(folder));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(folder.resolve("adapter.yaml") + ":" + line + " [inbound.complaints.recrods]")
                .contains("不符合描述文件模式")
                .contains("does not follow adapters/descriptor.schema.json")
                .contains("the hub refuses it at start-up too");
    }

    @Test
    void aSampleEventTheContractRefusesIsReportedInTheSample(@TempDir Path directory) throws IOException {
        Path folder = copy("hotline-12345", directory);
        Path event = folder.resolve("samples/record.event.json");
        String text = Files.readString(event);
        String kindLine = text.lines()
                .filter(candidate -> candidate.contains("\"kind\": \"COMPLAINT\""))
                .findFirst()
                .orElseThrow();
        int line = replace(event, kindLine, kindLine.replace("COMPLAINT", "GRIEVANCE"));

        DockingKit.Result result = DockingKit.check(folder, DockingKit.Contracts.locate(folder, SCHEMA, EVENTS));

        assertThat(result.problems())
                .filteredOn(problem -> problem.file().equals(event.toString()))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.english()).contains("does not follow the event contract"))
                .anySatisfy(problem -> {
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.field()).endsWith("kind");
                });
    }

    @Test
    void aFolderWithoutDescriptorIsAUsageError(@TempDir Path directory) {
        Run run = kit(directory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("用法 / usage");
    }

    @Test
    void theKitFindsTheSchemaAndContractOfTheRepositoryWhenRunInIt() throws IOException {
        Path folder = Path.of("adapters", "ssj");

        DockingKit.Contracts contracts = DockingKit.Contracts.locate(folder, null, null);

        assertThat(contracts.descriptorSchema().path("$schema").asText()).contains("2020-12");
        assertThat(contracts.eventContract().path("asyncapi").isMissingNode()).isFalse();
    }
}
