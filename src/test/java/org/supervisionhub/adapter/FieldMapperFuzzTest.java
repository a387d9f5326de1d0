package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.supervisionhub.support.Fuzz;

/**
 * The adapter field mapper on arbitrary payloads, with the rules of every descriptor the hub ships: each element maps
 * onto a canonical record or fails with the mapper's documented {@link FieldMapper.MappingException} (answered as
 * MAPPING_FAILED for that record), never another exception. Payloads are trees built from the descriptors' own field
 * names (so the rules find something) and random ones, holding every JSON type, odd dates and unknown codes.
 */
class FieldMapperFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every inbound kind of every shipped descriptor, with the field names its rules read. */
    private record Kind(String name, AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound) {}

    private static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        Map<String, AdapterRegistry.Loaded> loaded = new LinkedHashMap<>(AdapterRegistry.loadAll(Path.of("adapters")));
        loaded.putAll(AdapterRegistry.loadAll(Path.of("src/test/adapters")));
        loaded.values().forEach(adapter -> {
            assertThat(adapter.problems()).as(adapter.system()).isEmpty();
            if (adapter.descriptor().inbound() != null) {
                adapter.descriptor()
                        .inbound()
                        .forEach((kind, inbound) ->
                                kinds.add(new Kind(adapter.system() + "/" + kind, adapter.descriptor(), inbound)));
            }
        });
        return kinds;
    }

    private static void names(Map<String, AdapterDescriptor.FieldRule> rules, Set<String> into) {
        rules.values().forEach(rule -> {
            for (String source :
                    List.of(rule.path() == null ? "" : rule.path(), rule.template() == null ? "" : rule.template())) {
                for (String part : source.split("[.\\[\\]{}]")) {
                    if (!part.isBlank() && !part.chars().allMatch(Character::isDigit)) {
                        into.add(part.strip());
                    }
                }
            }
            if (rule.each() != null) {
                names(rule.each(), into);
            }
        });
    }

    /** A random JSON tree of at most {@code depth} levels, keyed mostly by {@code names}. */
    private static JsonNode tree(Random random, List<String> names, int depth) {
        int choice = random.nextInt(depth <= 0 ? 9 : 12);
        switch (choice) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextInt());
            case 3:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4:
                return NODES.numberNode(new BigDecimal("1e" + (random.nextInt(2000) - 1000)));
            case 5:
                return NODES.textNode(List.of("20261118", "2026-11-18", "1", "0", "", " ", "99991399", "A", "是")
                        .get(random.nextInt(9)));
            case 6:
                return NODES.textNode(randomText(random));
            case 7:
                return NODES.textNode("2026111812" + random.nextInt(100) + "00");
            case 8:
                return NODES.textNode("{" + names.get(random.nextInt(names.size())) + "}");
            case 9:
            case 10: {
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(names.size() + 3);
                for (int i = 0; i < fields; i++) {
                    String key = random.nextInt(5) == 0 ? randomText(random) : names.get(random.nextInt(names.size()));
                    object.set(key, tree(random, names, depth - 1));
                }
                return object;
            }
            default: {
                ArrayNode array = NODES.arrayNode();
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    array.add(tree(random, names, depth - 1));
                }
                return array;
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(500) : random.nextInt(0x80)));
        }
        return text.toString();
    }

    @Test
    void anyPayloadMapsOntoACanonicalRecordOrFailsWithTheDocumentedMappingFailure() {
        List<Kind> kinds = kinds();
        assertThat(kinds).hasSizeGreaterThan(5);
        Gen<long[]> seeds = Generate.range(0, kinds.size() - 1)
                .zip(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE), (kind, seed) -> new long[] {kind, seed});
        Fuzz.property("adapter field mapper", seeds, pick -> {
            Kind kind = kinds.get((int) pick[0]);
            Set<String> known = new TreeSet<>();
            names(kind.inbound().fields(), known);
            known.add(kind.inbound().records() == null ? "list" : kind.inbound().records());
            Random random = new Random(pick[1]);
            JsonNode payload = tree(random, new ArrayList<>(known), 4);
            JsonNode list = FieldMapper.at(payload, kind.inbound().records());
            for (JsonNode element : list == null ? List.<JsonNode>of(payload) : AdapterService.elements(list)) {
                try {
                    ObjectNode canonical = AdapterService.canonicalRecord(kind.descriptor(), kind.inbound(), element);
                    assertThat(canonical).isNotNull();
                } catch (FieldMapper.MappingException e) {
                    assertThat(e.field()).isNotNull();
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        });
    }

    @Test
    void anyPathReadsANodeOrNothingNeverAnException() {
        Gen<String> paths = Fuzz.text("ab.[]0123456789-", 0, 12);
        JsonNode payload = NODES.objectNode()
                .set(
                        "a",
                        NODES.arrayNode().add(NODES.objectNode().put("b", "x")).add(1));
        Fuzz.property("adapter field paths", paths, path -> FieldMapper.at(payload, path));
    }
}
