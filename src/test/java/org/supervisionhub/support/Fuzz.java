package org.supervisionhub.support;

import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * Property-based fuzzing with QuickTheories: a property runs for a fixed time ({@code -Dhub.fuzz.seconds}, default 2)
 * on generated inputs, random each run (the seed is printed when a property fails, to replay it), shrinking a failing
 * input to a small one. Each run's tries and time are appended to {@code target/fuzz-figures.md}.
 */
public final class Fuzz {

    /** Seconds of tries per property. */
    public static final long SECONDS = Long.getLong("hub.fuzz.seconds", 2L);

    private static final Set<String> CATALOG =
            java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    private Fuzz() {}

    /** Runs {@code property} on inputs of {@code inputs} for {@link #SECONDS}; returns the number of tries. */
    public static <T> long property(String name, Gen<T> inputs, Consumer<T> property) {
        AtomicLong tries = new AtomicLong();
        long start = System.nanoTime();
        qt().withUnlimitedExamples()
                .withTestingTime(SECONDS, TimeUnit.SECONDS)
                .forAll(inputs)
                .checkAssert(input -> {
                    tries.incrementAndGet();
                    property.accept(input);
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(java.util.Locale.ROOT, "| %s | %d | %.1f s |%n", name, tries.get(), seconds);
        System.out.print("fuzz " + line);
        try {
            Path figures = Path.of("target", "fuzz-figures.md");
            Files.createDirectories(figures.getParent());
            if (!Files.exists(figures)) {
                Files.writeString(figures, "| property | tries | time |\n|---|---|---|\n", StandardCharsets.UTF_8);
            }
            Files.writeString(figures, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tries.get();
    }

    /** Fails unless {@code e} is a documented problem: a HubException with a catalog code and a client status. */
    public static void requireDocumentedProblem(RuntimeException e) {
        if (!(e instanceof HubException hub)) {
            throw new AssertionError("not a documented problem: " + e, e);
        }
        if (!CATALOG.contains(hub.code()) || hub.status() < 400 || hub.status() >= 500) {
            throw new AssertionError(
                    "problem outside the catalog or not a client error: " + hub.status() + " " + hub.code());
        }
        hub.errors().forEach(error -> requireCatalogCode(error.code()));
    }

    public static void requireCatalogCode(String code) {
        if (!CATALOG.contains(code)) {
            throw new AssertionError("code outside the catalog: " + code);
        }
    }

    // ---- generators ------------------------------------------------------------------------------

    /** Text of any kind: every code point (unpaired surrogates included), ASCII, CJK, and near-valid codes. */
    public static Gen<String> text(String alphabet, int minLength, int maxLength) {
        Gen<String> any =
                org.quicktheories.generators.SourceDSL.strings().allPossible().ofLengthBetween(0, maxLength + 2);
        Gen<String> ascii =
                org.quicktheories.generators.SourceDSL.strings().ascii().ofLengthBetween(0, maxLength + 2);
        Gen<String> near = Generate.range(minLength, maxLength)
                .zip(Generate.longRange(0, Long.MAX_VALUE), (length, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    return s.toString();
                });
        Gen<String> cjk = org.quicktheories.generators.SourceDSL.strings()
                .betweenCodePoints(0x4E00, 0x9FFF)
                .ofLengthBetween(0, maxLength);
        return Generate.frequency(
                org.quicktheories.api.Pair.of(3, near),
                org.quicktheories.api.Pair.of(2, any),
                org.quicktheories.api.Pair.of(2, ascii),
                org.quicktheories.api.Pair.of(1, cjk),
                org.quicktheories.api.Pair.of(1, Generate.constant((String) null)));
    }

    /** Bytes assembled from JSON fragments, line breaks, huge and odd numbers, deep nestings and broken UTF-8. */
    public static Gen<byte[]> jsonishBytes(int maxFragments) {
        List<String> fragments = List.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                ":",
                ",",
                "\n",
                "\r\n",
                "\r",
                " ",
                "\t",
                "\"a\"",
                "\"kind\"",
                "\"INSPECTION\"",
                "0",
                "-",
                ".",
                "1",
                "9",
                "e",
                "E",
                "+",
                "1e999999999",
                "-0",
                "1.5",
                "123456789012345678901234567890",
                "true",
                "false",
                "null",
                "NaN",
                "\u0000\u0000\u0000",
                "\uFEFF",
                "\u00FE\u00FF",
                "\u00FF\u00FE",
                "Infinity",
                "\\",
                "\\u0000",
                "\\ud800",
                "\"中文\"",
                "\u0000",
                "[".repeat(80),
                "{\"a\":".repeat(80),
                "9".repeat(450),
                "\"" + "x".repeat(300) + "\"",
                "{\"sourceRecordId\":\"S1\",\"kind\":\"INSPECTION\"}",
                "[{}]",
                "{}");
        Gen<byte[]> assembled = org.quicktheories.generators.SourceDSL.lists()
                .of(Generate.pick(fragments))
                .ofSizeBetween(0, maxFragments)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> raw =
                Generate.byteArrays(Generate.range(0, 600), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        Gen<byte[]> broken = assembled.zip(Generate.range(0, 255), (bytes, b) -> {
            byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            copy[bytes.length] = (byte) 0xC3;
            copy[bytes.length + 1] = b.byteValue();
            return copy;
        });
        return Generate.frequency(
                org.quicktheories.api.Pair.of(5, assembled),
                org.quicktheories.api.Pair.of(2, raw),
                org.quicktheories.api.Pair.of(1, broken));
    }
}
