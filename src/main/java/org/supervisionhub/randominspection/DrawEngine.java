package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * The draw itself: a pure function of the seed and the inputs, so anyone holding both gets the same result.
 *
 * <p>Random numbers: block {@code k} (k = 0, 1, ...) is {@code SHA-256(seed bytes ‖ k as 8 bytes big-endian)}; the
 * blocks' bytes are read in order, 8 at a time, as unsigned 64-bit big-endian integers {@code x}. A number below
 * {@code n} is {@code x mod n}, drawing again while {@code x >= 2^64 - (2^64 mod n)} (no modulo bias).
 *
 * <p>Subjects: for each credit class A, B, C, D in that order, its candidates in input order (by credit code), {@code
 * k = round-half-up(candidates × ratio / 100)}; a partial Fisher-Yates shuffle: for {@code i < k}, {@code j = i +
 * below(n - i)}, swap {@code i} and {@code j}; the first {@code k} are drawn. Inspectors: for each drawn subject in
 * credit-code order, the inspectors in input order (by officer id) minus those paired with the subject in {@code
 * previous} or {@code conflicts}, and the same partial shuffle with {@code k = inspectorsPerSubject}. One stream
 * serves the whole draw, in that order.
 */
public final class DrawEngine {

    /** The credit classes, in the order they are drawn. */
    public static final List<String> CLASSES = List.of("A", "B", "C", "D");

    private DrawEngine() {}

    public static DrawResult draw(String seedHex, DrawInputs inputs) {
        Stream random = new Stream(HexFormat.of().parseHex(seedHex));
        List<DrawResult.ClassCount> classes = new ArrayList<>();
        List<DrawInputs.Candidate> drawn = new ArrayList<>();
        for (String creditClass : CLASSES) {
            List<DrawInputs.Candidate> pool = new ArrayList<>(inputs.subjects().stream()
                    .filter(candidate -> creditClass.equals(candidate.creditClass()))
                    .toList());
            BigDecimal ratio = inputs.ratios().get(creditClass);
            int k = target(pool.size(), ratio);
            drawn.addAll(shuffle(pool, k, random));
            classes.add(new DrawResult.ClassCount(creditClass, pool.size(), ratio, k));
        }
        drawn.sort(Comparator.comparing(DrawInputs.Candidate::creditCode));
        Set<String> avoid = new HashSet<>();
        for (DrawInputs.Pair pair : inputs.previous()) {
            avoid.add(pair.officerId() + ":" + pair.creditCode());
        }
        for (DrawInputs.Pair pair : inputs.conflicts()) {
            avoid.add(pair.officerId() + ":" + pair.creditCode());
        }
        List<DrawResult.Drawn> subjects = new ArrayList<>();
        for (DrawInputs.Candidate subject : drawn) {
            List<DrawInputs.Inspector> eligible = new ArrayList<>(inputs.inspectors().stream()
                    .filter(inspector -> !avoid.contains(inspector.officerId() + ":" + subject.creditCode()))
                    .toList());
            if (eligible.size() < inputs.inspectorsPerSubject()) {
                throw HubException.conflict(
                        ErrorCode.RANDOM_DRAW_TOO_FEW_INSPECTORS,
                        "subject " + subject.creditCode() + " has " + eligible.size() + " eligible inspectors, "
                                + inputs.inspectorsPerSubject() + " are needed");
            }
            subjects.add(new DrawResult.Drawn(
                    subject.creditCode(),
                    subject.name(),
                    subject.creditClass(),
                    List.copyOf(shuffle(eligible, inputs.inspectorsPerSubject(), random))));
        }
        return new DrawResult(classes, subjects);
    }

    /** How many of {@code candidates} a ratio in percent draws: round half up. */
    public static int target(int candidates, BigDecimal ratio) {
        return BigDecimal.valueOf(candidates)
                .multiply(ratio)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    private static <T> List<T> shuffle(List<T> items, int k, Stream random) {
        for (int i = 0; i < k; i++) {
            int j = i + (int) random.below(items.size() - i);
            T swapped = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swapped);
        }
        return items.subList(0, k);
    }

    /** SHA-256 in counter mode keyed by the seed. */
    static final class Stream {
        private final byte[] seed;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Stream(byte[] seed) {
            this.seed = seed.clone();
        }

        long next() {
            if (block.remaining() < Long.BYTES) {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    sha.update(seed);
                    sha.update(
                            ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                    block = ByteBuffer.wrap(sha.digest());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is required by the Java platform", e);
                }
            }
            return block.getLong();
        }

        /** Uniform in [0, n), by rejection. */
        long below(long n) {
            // 2^64 mod n, computed in unsigned arithmetic: (2^64 - n) mod n.
            long skip = Long.remainderUnsigned(-n, n);
            while (true) {
                long x = next();
                if (skip == 0 || Long.compareUnsigned(x, -skip) < 0) {
                    return Long.remainderUnsigned(x, n);
                }
            }
        }
    }
}
