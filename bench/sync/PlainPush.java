/*
 * The ceiling of bench/sync/relay.sh: the national simulator alone receiving the relay's batches from a plain client,
 * no database, same batch size and same number of batches in flight. Run as
 *
 *   java bench/sync/PlainPush.java <push url> <events> <batch size> <concurrency> <first id>
 *
 * Builds every envelope first (the shape NationalTarget sends: batchNo, source, sendTime, records with operation,
 * uniqueId, kind, eventType, idempotencyKey, data), then pushes them with <concurrency> threads and prints
 * "<events/s> <seconds> <non-2xx answers>".
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class PlainPush {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int events = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long first = Long.parseLong(args[4]);
        List<String> bodies = new ArrayList<>();
        for (int start = 0, seq = 1; start < events; start += batch, seq++) {
            StringBuilder body = new StringBuilder(batch * 600);
            body.append("{\"batchNo\":\"20261201").append(String.format("%05d", seq))
                    .append("\",\"source\":\"450000|GX_HUB\",\"sendTime\":\"2026-12-01T08:00:00+08:00\",\"records\":[");
            for (int i = start; i < Math.min(events, start + batch); i++) {
                if (i > start) {
                    body.append(',');
                }
                long id = first + i;
                body.append("{\"operation\":\"u\",\"uniqueId\":\"bench-plain:").append(id)
                        .append("\",\"kind\":\"bench-plain\",\"eventType\":\"record.upserted\",\"idempotencyKey\":\"")
                        .append(UUID.randomUUID()).append("\",\"data\":").append(Payload.of(id)).append('}');
            }
            bodies.add(body.append("]}").toString());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : running) {
            task.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf("%.0f %.2f %d%n", events / seconds, seconds, refused.get());
    }

    /** The same payload bench/sync/relay.sh puts into the outbox (about 500 bytes, a behaviour record's fields). */
    static final class Payload {
        static String of(long id) {
            return "{\"sourceRecordId\":\"BENCH-" + id + "\",\"creditCode\":\"91450100MA5KBENCH" + (id % 10)
                    + "\",\"subjectName\":\"南宁市基准测试有限公司\",\"itemCode\":\"4500001234567890123\","
                    + "\"checkActionName\":\"食品经营日常监督检查\",\"checkType\":\"1\",\"checkMode\":\"2\","
                    + "\"checkResult\":\"1\",\"checkDate\":\"2026-11-30\",\"areaNumber\":\"450100\","
                    + "\"implementInstitution\":\"南宁市市场监督管理局\",\"implementInstitutionCode\":\"11450100MB1234567X\","
                    + "\"checkPersonnel\":\"王亚军,杜晓颖\",\"checkPersonnelCode\":\"45010020190001,45010020190002\"}";
        }
    }
}
