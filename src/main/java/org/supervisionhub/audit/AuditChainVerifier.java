package org.supervisionhub.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Recomputes every audit row's hash with the same database function that wrote it and checks that
 * each row points at its predecessor, so any altered, inserted or removed row is found.
 */
@ApplicationScoped
public class AuditChainVerifier {

    private static final String VERIFY = """
            with chain as (
                select chain_seq, hash, prev_hash,
                       audit_row_digest(prev_hash, chain_seq, occurred_at, actor, actor_department, action,
                                        entity_type, entity_id, detail, request_id) as expected,
                       lag(hash) over (order by chain_seq) as previous_hash,
                       lag(chain_seq) over (order by chain_seq) as previous_seq
                from audit_log)
            select (select count(*) from chain) as total,
                   (select min(chain_seq) from chain
                     where hash <> expected
                        or prev_hash <> coalesce(previous_hash, repeat('0', 64))
                        or chain_seq <> coalesce(previous_seq, 0) + 1) as first_broken,
                   (select hash from chain order by chain_seq desc limit 1) as head""";

    @Inject
    Pool pool;

    public Uni<AuditChainReport> verify() {
        return pool.query(VERIFY).execute().map(rows -> {
            Row row = rows.iterator().next();
            Long firstBroken = row.getLong("first_broken");
            return new AuditChainReport(firstBroken == null, row.getLong("total"), firstBroken, row.getString("head"));
        });
    }
}
