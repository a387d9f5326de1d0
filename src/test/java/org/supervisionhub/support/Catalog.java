package org.supervisionhub.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** Creates catalog items with codes no other test uses, so tests that change data stay independent. */
@ApplicationScoped
public class Catalog {

    // 46xxxxxxxxxxxx is outside the fixture's 45... codes; the counter keeps codes unique within a run.
    private static final AtomicLong NEXT =
            new AtomicLong(46_000_000_000_000L + (System.nanoTime() % 1_000_000L) * 1000);

    @Inject
    Db db;

    public static String newCode() {
        return String.valueOf(NEXT.addAndGet(10));
    }

    public String mainItem(String sector) {
        String code = newCode();
        db.update("""
                insert into catalog_item (code, name, sector_code, catalog_level, status, catalog_version, version, content_hash)
                values (?, ?, ?, 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64))""", code, "测试主项 " + code, sector);
        return code;
    }

    public String subItem(String sector, String type) {
        return subItemOf(mainItem(sector), sector, type);
    }

    public String subItemOf(String parent, String sector, String type) {
        String code = newCode();
        db.update("""
                insert into catalog_item (code, name, parent_code, item_type, sector_code, catalog_level, status,
                                          catalog_version, version, content_hash)
                values (?, ?, ?, ?, ?, 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64))""", code, "测试子项 " + code, parent, type, sector);
        return code;
    }
}
