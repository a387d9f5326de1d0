package org.supervisionhub.subject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.item.ItemType;

/**
 * Read side of the subject library on the reactive PG client: these are the hub's hottest paths
 * (every docked system looks subjects up), so they skip the ORM and use prepared statements.
 */
@ApplicationScoped
public class SubjectQueries {

    private static final String COLUMNS = """
            s.id, s.credit_code, s.id_number_masked, s.subject_type, s.name, s.region_code, s.registered_address,
            s.business_address, s.industry_code, s.legal_representative, s.status, s.credit_level, s.abnormal_listed,
            s.serious_illegal_listed, s.version, s.updated_at,
            array(select source from subject_source ss where ss.subject_id = s.id order by source) as sources""";

    private static final String BY_CREDIT_CODE = "select " + COLUMNS + " from subject s where s.credit_code = $1";
    private static final String BY_ID_HASH = "select " + COLUMNS + " from subject s where s.id_number_hash = $1";

    /**
     * The search in tiers (exact, prefix, contained): subject_name_search (V22, cheaper since V26), a function so
     * that PostgreSQL keeps its generic plan instead of planning every call. bench/subjects/run.sh sends pgbench this
     * very statement.
     */
    static final String SEARCH = """
            select tier, credit_code, name, subject_type, region_code, status, name_length
            from subject_name_search($1, $2, $3, $4)""";

    /**
     * Bigrams in at least this share of names are left out of the search's GIN lookup, the rarest of the text's
     * bigrams always kept: the bitmap is built from whole posting lists before LIMIT can stop the scan, and decoding
     * 10,000 entries per million names costs more than the heap visits strpos needs to reject the extra candidates
     * of the rarer bigrams. At 10% (till V26) the bench's mid-name fragments looked up 科技 or 食品 (50,000-100,000
     * names each) and spent 30% of the search decoding them; at 1% V26's function ran 1.6 times as fast in pgbench
     * (1M subjects, same session: 5,000-5,200 searches/s at 10%, 7,800-8,600/s at 1%; 0.5% and 2% did no better).
     */
    static final double COMMON_BIGRAM_SHARE = 0.01;

    /**
     * The bigrams at least {@link #COMMON_BIGRAM_SHARE} of names hold, with their share, from the planner's statistics
     * of the column.
     */
    private static final String COMMON_BIGRAMS = """
            select t.bigram, t.share
            from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as t(bigram, share)
            where s.schemaname = current_schema() and s.tablename = 'subject' and s.attname = 'name_bigrams'
              and t.bigram is not null and t.share >= $1::float8""";

    private static final long COMMON_BIGRAMS_REFRESH_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private volatile Map<String, Double> commonBigrams = Map.of();
    private final AtomicLong commonBigramsRead = new AtomicLong(Long.MIN_VALUE);

    /** The exact number of matches, on request only: it reads every candidate the bigrams select. */
    private static final String SEARCH_COUNT = """
            select count(*) as total
            from subject s
            where s.name_bigrams @> name_bigrams($1)
              and strpos(s.name_key, lower(normalize($1, NFKC))) > 0
              and s.subject_type <> 'NATURAL_PERSON'
              and s.region_code like $2 || '%'""";

    /** Departments whose region contains the region and whose sectors cover the industry, with their claims. */
    private static final String SUPERVISORS = """
            with target as (select $1::text as region_code, coalesce($2::text, '') as industry),
            sectors as (
                select distinct i.sector_code from industry_sector i, target t where t.industry like i.industry_prefix || '%'),
            departments as (
                select d.code, d.name, d.region_code, ds.sector_code
                from department d
                join department_sector ds on ds.department_code = d.code
                join sectors on sectors.sector_code = ds.sector_code
                cross join target t
                where t.region_code like region_scope_prefix(d.region_code) || '%')
            select dep.code as department_code, dep.name as department_name, dep.region_code, dep.sector_code as sector,
                   ci.code as item_code, ci.name as item_name, ci.item_type, ci.sector_code
            from departments dep
            left join item_claim c on c.department_code = dep.code and c.status = 'ACTIVE'
                 and exists (select 1 from catalog_item x where x.code = c.item_code and x.sector_code = dep.sector_code
                             and x.status = 'IN_USE' and ($3::text is null or x.item_type = $3))
            left join catalog_item ci on ci.code = c.item_code
            order by length(region_scope_prefix(dep.region_code)), dep.region_code, dep.code, ci.code""";

    private final Pool pool;
    private final Cache<SupervisorKey, SupervisorsView> supervisorCache;

    @Inject
    public SubjectQueries(Pool pool, SubjectsConfig config) {
        this.pool = pool;
        this.supervisorCache = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterWrite(config.supervisorCacheTtl())
                .build();
    }

    public Uni<Optional<SubjectView>> byCreditCode(String creditCode) {
        return pool.preparedQuery(BY_CREDIT_CODE).execute(Tuple.of(creditCode)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<SubjectView>empty());
            }
            Row row = rows.iterator().next();
            return supervisors(row.getString("region_code"), row.getString("industry_code"), null)
                    .map(supervisors -> {
                        List<SubjectView.SupervisorSummary> summary = supervisors.departments().stream()
                                .map(d -> new SubjectView.SupervisorSummary(
                                        d.departmentCode(),
                                        d.departmentName(),
                                        d.regionCode(),
                                        d.items().size()))
                                .toList();
                        return Optional.of(view(row, summary));
                    });
        });
    }

    public Uni<Optional<SubjectView>> byIdNumberHash(String hash) {
        return pool.preparedQuery(BY_ID_HASH)
                .execute(Tuple.of(hash))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(view(rows.iterator().next(), List.of())));
    }

    /**
     * One page of a name search: the exact name, then names starting with the text (in code-point order), then
     * names containing it further in. Each tier reads at most the rows up to this page plus one, so the total is
     * exact only when the matches end within the page, or when {@code exactTotal} asks for a count.
     */
    public Uni<SubjectHitPage> search(String name, String regionPrefix, int page, int size, boolean exactTotal) {
        int upTo = page * size + size;
        String region = regionPrefix == null ? "" : regionPrefix;
        int textLength = normalizedLength(name);
        Uni<SubjectHitPage> hits = pool.preparedQuery(SEARCH)
                .execute(Tuple.of(name, region, upTo + 1, commonBigramsOf(name)))
                .map(rows -> {
                    List<SubjectHit> items = new ArrayList<>(size);
                    int index = 0;
                    for (Row row : rows) {
                        if (index++ < page * size || items.size() == size) {
                            continue;
                        }
                        items.add(new SubjectHit(
                                row.getString("credit_code"),
                                row.getString("name"),
                                SubjectType.valueOf(row.getString("subject_type")),
                                row.getString("region_code"),
                                SubjectStatus.valueOf(row.getString("status")),
                                score(row.getInteger("tier"), textLength, row.getInteger("name_length"))));
                    }
                    boolean complete = index <= upTo;
                    // Incomplete: at least the rows seen, one beyond this page included.
                    return new SubjectHitPage(items, page, size, index, complete);
                });
        if (!exactTotal) {
            return hits;
        }
        return hits.chain(found -> found.totalExact()
                ? Uni.createFrom().item(found)
                : pool.preparedQuery(SEARCH_COUNT)
                        .execute(Tuple.of(name, region))
                        .map(rows -> new SubjectHitPage(
                                found.items(),
                                page,
                                size,
                                rows.iterator().next().getLong("total"),
                                true)));
    }

    /**
     * How closely a name matches, by tier: 1 for the exact name, 0.5-1 for a name starting with the text and
     * below 0.5 for one containing it further in; within a band, the share of the name the text covers.
     */
    static double score(int tier, int textLength, int nameLength) {
        double covered = nameLength == 0 ? 0 : Math.min(1.0, (double) textLength / nameLength);
        double score = switch (tier) {
            case 0 -> 1.0;
            case 1 -> 0.5 + 0.5 * covered;
            default -> 0.5 * covered;
        };
        return Math.round(score * 10_000) / 10_000.0;
    }

    /**
     * The text's bigrams to leave out of the GIN lookup: those common in names, less the rarest when all are. Statistics
     * change slowly: they are re-read every 10 minutes, in the background; until the first read none counts as common.
     */
    String[] commonBigramsOf(String text) {
        long now = System.nanoTime();
        long read = commonBigramsRead.get();
        if ((read == Long.MIN_VALUE || now - read > COMMON_BIGRAMS_REFRESH_NANOS)
                && commonBigramsRead.compareAndSet(read, now)) {
            pool.preparedQuery(COMMON_BIGRAMS)
                    .execute(Tuple.of(COMMON_BIGRAM_SHARE))
                    .subscribe()
                    .with(
                            rows -> {
                                Map<String, Double> common = new HashMap<>();
                                rows.forEach(row -> common.put(row.getString("bigram"), row.getDouble("share")));
                                commonBigrams = Map.copyOf(common);
                            },
                            failure -> commonBigramsRead.set(Long.MIN_VALUE));
        }
        return leftOutOfLookup(bigrams(text), commonBigrams);
    }

    /**
     * The bigrams common in names (by their share), except the rarest of them when the text has no other: the GIN
     * lookup needs one bigram, and the rarest selects the fewest candidates (科技有限: 技有, not 有限 in half of all
     * names).
     */
    static String[] leftOutOfLookup(Set<String> textBigrams, Map<String, Double> commonShares) {
        List<String> common = textBigrams.stream()
                .filter(commonShares::containsKey)
                .sorted(Comparator.comparing(commonShares::get))
                .toList();
        if (!common.isEmpty() && common.size() == textBigrams.size()) {
            common = common.subList(1, common.size());
        }
        return common.toArray(String[]::new);
    }

    /** The distinct character pairs of the normalised text, as name_bigrams() makes them in the database. */
    static Set<String> bigrams(String text) {
        int[] points = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .codePoints()
                .toArray();
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            pairs.add(new String(points, i, 2));
        }
        return pairs;
    }

    private static int normalizedLength(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return normalized.codePointCount(0, normalized.length());
    }

    /**
     * The supervisors of subjects in a region and industry. They depend on those two and on claims, not
     * on the subject, so they are cached briefly per (region, industry, type): a claim change shows after
     * at most {@code hub.subjects.supervisor-cache-ttl}.
     */
    public Uni<SupervisorsView> supervisors(String regionCode, String industryCode, ItemType type) {
        SupervisorKey key = new SupervisorKey(regionCode, industryCode == null ? "" : industryCode, type);
        SupervisorsView cached = supervisorCache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return pool.preparedQuery(SUPERVISORS)
                .execute(Tuple.of(regionCode, industryCode, type == null ? null : type.name()))
                .map(SubjectQueries::supervisorsOf)
                .invoke(view -> supervisorCache.put(key, view));
    }

    private static SupervisorsView supervisorsOf(RowSet<Row> rows) {
        Map<String, SupervisorsView.Supervisor> departments = new LinkedHashMap<>();
        List<String> sectors = new ArrayList<>();
        for (Row row : rows) {
            String sector = row.getString("sector");
            if (!sectors.contains(sector)) {
                sectors.add(sector);
            }
            SupervisorsView.Supervisor department = departments.computeIfAbsent(
                    row.getString("department_code"),
                    code -> new SupervisorsView.Supervisor(
                            code, row.getString("department_name"), row.getString("region_code"), new ArrayList<>()));
            String itemCode = row.getString("item_code");
            if (itemCode != null) {
                department
                        .items()
                        .add(new SupervisorsView.ApplicableItem(
                                itemCode,
                                row.getString("item_name"),
                                ItemType.valueOf(row.getString("item_type")),
                                row.getString("sector_code")));
            }
        }
        sectors.sort(String::compareTo);
        List<SupervisorsView.Supervisor> frozen = departments.values().stream()
                .map(d -> new SupervisorsView.Supervisor(
                        d.departmentCode(), d.departmentName(), d.regionCode(), List.copyOf(d.items())))
                .toList();
        return new SupervisorsView(null, null, List.copyOf(sectors), frozen);
    }

    private record SupervisorKey(String regionCode, String industryCode, ItemType type) {}

    private static SubjectView view(Row row, List<SubjectView.SupervisorSummary> supervisors) {
        OffsetDateTime updated = row.getOffsetDateTime("updated_at");
        String[] sources = row.getArrayOfStrings("sources");
        return new SubjectView(
                row.getString("credit_code"),
                row.getString("id_number_masked"),
                row.getString("name"),
                SubjectType.valueOf(row.getString("subject_type")),
                row.getString("region_code"),
                row.getString("registered_address"),
                row.getString("business_address"),
                row.getString("industry_code"),
                row.getString("legal_representative"),
                SubjectStatus.valueOf(row.getString("status")),
                row.getString("credit_level"),
                row.getBoolean("abnormal_listed"),
                row.getBoolean("serious_illegal_listed"),
                sources == null ? List.of() : Arrays.asList(sources),
                row.getInteger("version"),
                updated == null
                        ? null
                        : updated.atZoneSameInstant(WireTime.ZONE).toOffsetDateTime(),
                supervisors);
    }
}
