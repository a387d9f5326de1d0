/*
 * National "Internet + Supervision" platform simulator: a stand-in for the national system, which our machines
 * cannot reach. A single-file Java 17 program with no dependencies, run as
 *
 *   java adapters/national-simulator/NationalSimulator.java [--port 8099] [--control-port 8098]
 *        [--hub http://127.0.0.1:8080] [--key-id sim-1 --secret <hmac secret>]
 *
 * Data port (what the hub talks to):
 *   POST /national/v1/push        the hub's pushes: {batchNo, source, sendTime, records: [{operation i|u|d, uniqueId,
 *                                 kind, idempotencyKey, data}]}; idempotent on uniqueId + idempotencyKey
 *   POST /national/v1/feedback    disposition feedback {kind, nationalId, handledBy, handledAt, result}
 *   GET  /national/v1/reconciliation?day=yyyy-MM-dd   unique ids first received that day, per kind
 * Control port (what tests, benchmarks and the demo drive):
 *   GET  /sim/stats               records stored, events applied, duplicates ignored, per kind
 *   GET  /sim/records/{uniqueId}  one stored record
 *   GET  /sim/ids?kind=           the unique ids stored (of one kind)
 *   GET  /sim/reconciliation?day= counts per kind of records first received that day (yyyy-MM-dd)
 *   POST /sim/faults              {"mode": "none|down|slow|error|throttle|garbled", "latencyMs": 2000,
 *                                 "count": 5 (error/throttle: how many requests, -1 = until reset), "retryAfter": 2}
 *   POST /sim/issue/{kind}        issue an item|complaint|risk-clue|task to the hub's callback, signed; body = its
 *                                 payload (nationalId generated when absent). ?duplicate=true sends it twice,
 *                                 ?stale=true with a 10-minute-old timestamp, ?badSignature=true signed wrongly,
 *                                 ?garbled=true with a broken body
 *   GET  /sim/loops               everything issued, and whether its feedback came back (loop closed)
 *   POST /sim/config              {"hub": "http://..."}: where callbacks go
 *   POST /sim/reset               forget everything
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class NationalSimulator {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();
    final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();
    final Map<String, String> firstDay = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> loops = new ConcurrentHashMap<>();
    final AtomicLong events = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicInteger issued = new AtomicInteger();

    volatile String mode = "none";
    volatile long latencyMs;
    volatile int retryAfter = 1;
    final AtomicInteger faultsLeft = new AtomicInteger(-1);

    final int port;
    volatile String hub;
    final String keyId;
    final String secret;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpServer data;

    NationalSimulator(int port, String hub, String keyId, String secret) {
        this.port = port;
        this.hub = hub;
        this.keyId = keyId;
        this.secret = secret;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        NationalSimulator simulator = new NationalSimulator(Integer.parseInt(options.getOrDefault("port", "8099")),
                options.getOrDefault("hub", "http://127.0.0.1:8080"), options.getOrDefault("key-id", "sim-1"),
                options.getOrDefault("secret", "national-simulator-demo-secret-not-for-production"));
        int controlPort = Integer.parseInt(options.getOrDefault("control-port", String.valueOf(simulator.port - 1)));
        simulator.startData();
        HttpServer control = HttpServer.create(new InetSocketAddress(controlPort), 64);
        control.setExecutor(Executors.newFixedThreadPool(4));
        control.createContext("/", simulator::control);
        control.start();
        System.out.println("national simulator: data on " + simulator.port + ", control on " + controlPort
                + ", hub " + simulator.hub);
    }

    synchronized void startData() throws IOException {
        HttpServer server = HttpServer.create();
        server.bind(new InetSocketAddress(port), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handleData);
        server.start();
        data = server;
    }

    synchronized void stopData() {
        if (data != null) {
            data.stop(0);
            data = null;
        }
    }

    // ---- data port ------------------------------------------------------------------------------------------

    void handleData(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (applyFault(exchange)) {
                return;
            }
            // "garbled": the request is applied, but its answer is lost in transit (a broken acknowledgement).
            boolean garble = mode.equals("garbled") && faultsLeft.get() != 0 && faultsLeft.getAndDecrement() != 0;
            String path = exchange.getRequestURI().getPath();
            Map<String, Object> answer;
            int status = 200;
            if (path.equals("/national/v1/push") && exchange.getRequestMethod().equals("POST")) {
                answer = push(body);
            } else if (path.equals("/national/v1/feedback") && exchange.getRequestMethod().equals("POST")) {
                answer = feedback(body);
                status = answer.containsKey("error") ? 404 : 200;
            } else if (path.equals("/national/v1/reconciliation")) {
                String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
                answer = reconciliation(param(query, "day", LocalDate.now(CHINA).toString()));
            } else if (path.equals("/health")) {
                answer = Map.of("status", "UP");
            } else {
                answer = Map.of("error", "no such endpoint");
                status = 404;
            }
            if (garble) {
                byte[] garbage = "{\"batchNo\": \u0000 ##".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, garbage.length);
                exchange.getResponseBody().write(garbage);
                return;
            }
            send(exchange, status, answer);
        } catch (RuntimeException e) {
            send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Returns true when the fault answered the request. */
    boolean applyFault(HttpExchange exchange) throws IOException {
        String current = mode;
        if (current.equals("none") || current.equals("down") || current.equals("garbled")) {
            return false;
        }
        if (faultsLeft.get() == 0) {
            return false;
        }
        if (faultsLeft.get() > 0) {
            faultsLeft.decrementAndGet();
        }
        switch (current) {
            case "slow" -> sleep(latencyMs);
            case "error" -> {
                send(exchange, 503, Map.of("error", "injected outage"));
                return true;
            }
            case "throttle" -> {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
                send(exchange, 429, Map.of("error", "injected throttling"));
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> push(String body) {
        Map<String, Object> envelope = (Map<String, Object>) Json.parse(body);
        for (String field : List.of("batchNo", "source", "sendTime", "records")) {
            if (!envelope.containsKey(field)) {
                throw new IllegalArgumentException("envelope lacks " + field);
            }
        }
        if (!String.valueOf(envelope.get("batchNo")).matches("\\d{8}\\d{5,}")) {
            throw new IllegalArgumentException("batchNo is yyyyMMdd + sequence");
        }
        batches.incrementAndGet();
        int accepted = 0;
        int duplicate = 0;
        String today = LocalDate.now(CHINA).toString();
        for (Object item : (List<Object>) envelope.get("records")) {
            Map<String, Object> row = (Map<String, Object>) item;
            String uniqueId = String.valueOf(row.get("uniqueId"));
            String key = String.valueOf(row.get("idempotencyKey"));
            if (!appliedKeys.add(key)) {
                duplicate++;
                duplicates.incrementAndGet();
                continue;
            }
            events.incrementAndGet();
            accepted++;
            String operation = String.valueOf(row.get("operation"));
            firstDay.putIfAbsent(uniqueId, today);
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("uniqueId", uniqueId);
            stored.put("kind", row.get("kind"));
            stored.put("operation", operation);
            stored.put("deleted", operation.equals("d"));
            stored.put("data", row.get("data"));
            stored.put("source", envelope.get("source"));
            stored.put("batchNo", envelope.get("batchNo"));
            stored.put("receivedAt", Instant.now().toString());
            if ("case-feedback".equals(row.get("kind")) && row.get("data") instanceof Map<?, ?> data) {
                // The disposition of something issued here: its loop is closed.
                Map<String, Object> loop = loops.get(String.valueOf(data.get("nationalId")));
                if (loop != null) {
                    loop.put("closed", true);
                    loop.put("feedback", data);
                }
            }
            Map<String, Object> previous = records.get(uniqueId);
            stored.put("events", previous == null ? 1 : ((Number) previous.get("events")).intValue() + 1);
            records.put(uniqueId, stored);
        }
        return Map.of("batchNo", envelope.get("batchNo"), "accepted", accepted, "duplicates", duplicate);
    }

    /** Per kind, how many unique ids were first received on the day (China Standard Time). */
    Map<String, Object> reconciliation(String day) {
        Map<String, Long> byKind = new TreeMap<>();
        firstDay.forEach((id, first) -> {
            if (first.equals(day)) {
                byKind.merge(String.valueOf(records.get(id).get("kind")), 1L, Long::sum);
            }
        });
        return Map.of("day", day, "counts", byKind);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> feedback(String body) {
        Map<String, Object> feedback = (Map<String, Object>) Json.parse(body);
        String nationalId = String.valueOf(feedback.get("nationalId"));
        Map<String, Object> loop = loops.get(nationalId);
        if (loop == null) {
            return Map.of("error", "nothing was issued as " + nationalId);
        }
        loop.put("closed", true);
        loop.put("feedback", feedback);
        return Map.of("nationalId", nationalId, "closed", true, "accepted", 1);
    }

    // ---- control port ---------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/sim/stats")) {
                Map<String, Long> byKind = new TreeMap<>();
                records.values().forEach(r -> byKind.merge(String.valueOf(r.get("kind")), 1L, Long::sum));
                send(exchange, 200, Map.of("records", records.size(), "events", events.get(), "duplicates",
                        duplicates.get(), "batches", batches.get(), "byKind", byKind, "mode", mode));
            } else if (path.startsWith("/sim/records/")) {
                Map<String, Object> record = records.get(path.substring("/sim/records/".length()));
                send(exchange, record == null ? 404 : 200, record == null ? Map.of("error", "unknown") : record);
            } else if (path.equals("/sim/ids")) {
                String kind = param(query, "kind", null);
                List<String> ids = new ArrayList<>();
                records.forEach((id, record) -> {
                    if (kind == null || kind.equals(record.get("kind"))) {
                        ids.add(id);
                    }
                });
                send(exchange, 200, ids);
            } else if (path.equals("/sim/reconciliation")) {
                send(exchange, 200, reconciliation(param(query, "day", LocalDate.now(CHINA).toString())));
            } else if (path.equals("/sim/faults")) {
                Map<String, Object> fault = (Map<String, Object>) Json.parse(body.isBlank() ? "{}" : body);
                String next = String.valueOf(fault.getOrDefault("mode", "none"));
                latencyMs = ((Number) fault.getOrDefault("latencyMs", 2000)).longValue();
                retryAfter = ((Number) fault.getOrDefault("retryAfter", 1)).intValue();
                faultsLeft.set(((Number) fault.getOrDefault("count", -1)).intValue());
                mode = next;
                if (next.equals("down")) {
                    stopData();
                } else if (data == null) {
                    startData();
                }
                send(exchange, 200, Map.of("mode", mode));
            } else if (path.startsWith("/sim/issue/")) {
                issue(exchange, path.substring("/sim/issue/".length()), query, body);
            } else if (path.equals("/sim/config")) {
                Map<String, Object> config = (Map<String, Object>) Json.parse(body.isBlank() ? "{}" : body);
                if (config.get("hub") != null) {
                    hub = String.valueOf(config.get("hub"));
                }
                send(exchange, 200, Map.of("hub", hub));
            } else if (path.equals("/sim/loops")) {
                send(exchange, 200, new ArrayList<>(loops.values()));
            } else if (path.equals("/sim/reset")) {
                records.clear();
                appliedKeys.clear();
                firstDay.clear();
                loops.clear();
                events.set(0);
                duplicates.set(0);
                batches.set(0);
                mode = "none";
                if (data == null) {
                    startData();
                }
                send(exchange, 200, Map.of("reset", true));
            } else {
                send(exchange, 404, Map.of("error", "no such endpoint"));
            }
        } catch (RuntimeException e) {
            send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    @SuppressWarnings("unchecked")
    void issue(HttpExchange exchange, String kind, String query, String body) throws IOException {
        Map<String, Object> payload = (Map<String, Object>) Json.parse(body.isBlank() ? "{}" : body);
        String nationalId = String.valueOf(payload.computeIfAbsent("nationalId",
                k -> "N" + LocalDate.now(CHINA).toString().replace("-", "") + String.format("%06d", issued.incrementAndGet())));
        String json = Json.write(payload);
        if (param(query, "garbled", "false").equals("true")) {
            json = json.substring(0, json.length() / 2);
        }
        long timestamp = Instant.now().getEpochSecond() - (param(query, "stale", "false").equals("true") ? 600 : 0);
        String nonce = UUID.randomUUID().toString();
        String signature = sign(timestamp + "\n" + nonce + "\n" + json);
        if (param(query, "badSignature", "false").equals("true")) {
            signature = sign("tampered" + json);
        }
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("nationalId", nationalId);
        loop.put("kind", kind);
        loop.put("closed", false);
        loops.put(nationalId, loop);
        List<Integer> statuses = new ArrayList<>();
        int times = param(query, "duplicate", "false").equals("true") ? 2 : 1;
        for (int i = 0; i < times; i++) {
            // A duplicate is a second delivery of the same message: new nonce and timestamp, same body.
            String sendNonce = i == 0 ? nonce : UUID.randomUUID().toString();
            String sendSignature = i == 0 ? signature : sign(timestamp + "\n" + sendNonce + "\n" + json);
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/api/v1/national/callbacks/" + kind))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-National-Key-Id", keyId)
                    .header("X-National-Timestamp", String.valueOf(timestamp))
                    .header("X-National-Nonce", sendNonce)
                    .header("X-National-Signature", sendSignature)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            try {
                statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                statuses.add(0);
            } catch (IOException e) {
                statuses.add(0);
            }
        }
        loop.put("hubStatuses", statuses);
        send(exchange, 200, Map.of("nationalId", nationalId, "hubStatuses", statuses));
    }

    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String param(String query, String name, String fallback) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough JSON: objects, arrays, strings, numbers, booleans and null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json parser = new Json(text);
            Object value = parser.value();
            parser.space();
            if (parser.at != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + parser.at);
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            if (c == '[') {
                at++;
                List<Object> array = new ArrayList<>();
                space();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return array;
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return true;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return false;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
        }

        @SuppressWarnings("unchecked")
        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                return out.append('"').toString();
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(write(String.valueOf(entry.getKey()))).append(':').append(write(entry.getValue()));
                }
                return out.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                for (Object item : list) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(write(item));
                }
                return out.append(']').toString();
            }
            return String.valueOf(value);
        }
    }
}
